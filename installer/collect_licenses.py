"""Copy the licence files of every distribution the frozen app bundles, at build time.

    python installer/collect_licenses.py OUT_DIR

Run with the build venv's Python. Walks the requirements of `intake[gui]` as installed
there, and for each distribution copies the licence files of its dist-info (the
License-File entries, or LICENSE/COPYING/NOTICE/AUTHORS files) to OUT_DIR/<name>/, plus
Python's own LICENSE.txt to OUT_DIR/python/. OUT_DIR/INDEX.txt lists every bundled
distribution with its version and declared licence. The spec puts OUT_DIR into the app as
resources/licenses/packages/, which resources/licenses/components.toml refers to.
"""

import re
import shutil
import sys
import sysconfig
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

ROOT = "intake"
ROOT_EXTRAS = {"gui"}
_LICENSE_NAME = re.compile(r"(LICEN[CS]E|COPYING|NOTICE|AUTHORS)", re.IGNORECASE)


def normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def closure() -> dict[str, metadata.Distribution]:
    """The installed distributions `intake[gui]` needs, by normalized name (intake excluded)."""
    found: dict[str, metadata.Distribution] = {}
    pending: list[tuple[str, set[str]]] = [(ROOT, ROOT_EXTRAS)]
    while pending:
        name, extras = pending.pop()
        dist = metadata.distribution(name)
        for text in dist.requires or []:
            requirement = Requirement(text)
            marker = requirement.marker
            wanted = marker is None or any(
                marker.evaluate({"extra": extra}) for extra in (extras or {""})
            )
            key = normalized(requirement.name)
            if wanted and key not in found:
                found[key] = metadata.distribution(requirement.name)
                pending.append((requirement.name, set(requirement.extras)))
    return found


def licence_of(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return expression
    declared = (meta.get("License") or "").strip().splitlines()
    if declared and len(declared[0]) < 100:
        return declared[0]
    classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or []]
    licences = [c for c in classifiers if "License" in c]
    return ", ".join(licences) or "see the project"


def licence_files(dist: metadata.Distribution) -> list[Path]:
    declared = {Path(name).name for name in dist.metadata.get_all("License-File") or []}
    files = []
    for entry in dist.files or []:
        parts = entry.parts
        if not parts or not parts[0].endswith(".dist-info"):
            continue
        name = parts[-1]
        if name in declared or _LICENSE_NAME.match(name):
            files.append(Path(str(dist.locate_file(entry))))
    return sorted(set(files))


def main(out: Path) -> None:
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    lines = ["Python distributions bundled in this build of intake: name, version, licence.", ""]
    bundled = closure()
    for key, dist in sorted(bundled.items()):
        folder = out / key
        copied = []
        for path in licence_files(dist):
            folder.mkdir(exist_ok=True)
            shutil.copy2(path, folder / path.name)
            copied.append(path.name)
        where = f"{key}/" if copied else "no licence file in its dist-info"
        lines.append(f"{dist.metadata['Name']} {dist.version}: {licence_of(dist)} ({where})")
    python_licence = Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt"
    version = ".".join(map(str, sys.version_info[:3]))
    if python_licence.is_file():
        (out / "python").mkdir()
        shutil.copy2(python_licence, out / "python" / "LICENSE.txt")
        lines.append(f"Python {version}: PSF-2.0 (python/)")
    else:
        lines.append(f"Python {version}: PSF-2.0 (https://docs.python.org/3/license.html)")
    lines += [
        "",
        "PySide6 and shiboken6 are used under the LGPL-3.0 (../LGPL-3.0.txt, ../GPL-3.0.txt).",
    ]
    (out / "INDEX.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"collect_licenses: {len(bundled)} distributions listed in {out / 'INDEX.txt'}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: collect_licenses.py OUT_DIR")
    main(Path(sys.argv[1]))
