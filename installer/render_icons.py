"""Render resources/icons/intake.svg into the icons the installers need, at build time.

    python installer/render_icons.py OUT_DIR
    python installer/render_icons.py --window-icons

writes OUT_DIR/intake-<size>.png (16 … 1024), OUT_DIR/intake.ico (Windows: 16 … 256) and
OUT_DIR/intake.icns (macOS). With --window-icons it writes the PNGs the app's windows use
(16 … 256) into resources/icons/, where they are committed: rerun it after changing the SVG. Qt draws the SVG (QtSvg, offscreen), Pillow writes the ICO and
ICNS containers (Pillow comes with reportlab, so the build venv has it).
"""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

REPO = Path(__file__).resolve().parents[1]
SVG = REPO / "resources" / "icons" / "intake.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
WINDOW_SIZES = (16, 24, 32, 48, 64, 128, 256)  # intake.gui.app.WINDOW_ICON_SIZES
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render(renderer: QSvgRenderer, size: int, path: Path) -> None:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(str(path), "PNG"):
        raise SystemExit(f"render_icons: could not write {path}")


def svg_renderer() -> QSvgRenderer:
    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: {SVG} is not a valid SVG")
    return renderer


def window_icons() -> None:
    renderer = svg_renderer()
    for size in WINDOW_SIZES:
        render(renderer, size, SVG.parent / f"intake-{size}.png")
    print(f"render_icons: {len(WINDOW_SIZES)} PNGs in {SVG.parent}")


def main(out: Path) -> None:
    renderer = svg_renderer()
    out.mkdir(parents=True, exist_ok=True)
    for size in PNG_SIZES:
        render(renderer, size, out / f"intake-{size}.png")
    largest = Image.open(out / "intake-1024.png")
    largest.save(out / "intake.ico", sizes=[(s, s) for s in ICO_SIZES])
    largest.save(out / "intake.icns", sizes=[(s, s) for s in ICNS_SIZES])
    print(f"render_icons: {len(PNG_SIZES)} PNGs, intake.ico, intake.icns in {out}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: render_icons.py OUT_DIR | --window-icons")
    if sys.argv[1] == "--window-icons":
        window_icons()
    else:
        main(Path(sys.argv[1]))
