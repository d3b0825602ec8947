"""The built app: the frozen folder and the .deb installed into a temporary root.

Run by `make installer-test`, which builds them first (if sources changed) and sets
INTAKE_FROZEN_APP (dist/intake/intake) and INTAKE_DEB (dist/intake_<version>_<arch>.deb);
skipped otherwise, so `make test` does not need a build.
"""

import json
import os
import shutil
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
from old_database import EXAMPLE, make_previous_version_database

from intake import __version__
from intake.store.db import SCHEMA_HEAD

FROZEN_APP = os.environ.get("INTAKE_FROZEN_APP", "")
DEB = os.environ.get("INTAKE_DEB", "")
# The libraries Qt's xcb plugin needs on a desktop (ecosystem guide, trap 13).
QT_DEPENDS = (
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "libxkbcommon-x11-0",
    "libegl1",
    "libfontconfig1",
)

pytestmark = pytest.mark.skipif(
    not (FROZEN_APP and DEB), reason="runs in `make installer-test` (needs the built app)"
)


def _run(command: list[str], home: Path, timeout: int = 240) -> subprocess.CompletedProcess[str]:
    """Run with a private home, no database URL from outside, and timing printed."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("XDG_", "INTAKE_")) and key != "HOME"
    }
    env["HOME"] = str(home)
    home.mkdir(parents=True, exist_ok=True)
    start = time.monotonic()
    result = subprocess.run(
        command, capture_output=True, text=True, timeout=timeout, check=False, env=env
    )
    print(f"{Path(command[0]).name} {command[1]}: {time.monotonic() - start:.1f} s")
    return result


def _assert_self_test_passes(executable: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    report = tmp_path / "report.txt"
    result = _run([str(executable), "--self-test", str(report)], home)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1].startswith("self-test passed:")
    assert all(line.startswith("ok   ") for line in lines[:-1]), result.stdout
    assert "ok   version " in lines[0] and "frozen" in lines[0]
    assert report.read_text(encoding="utf-8").splitlines() == lines
    assert list(home.iterdir()) == [], "the self-test wrote into the user's home"


def test_the_frozen_folder_passes_its_self_test(tmp_path: Path) -> None:
    _assert_self_test_passes(Path(FROZEN_APP), tmp_path)


def test_the_frozen_command_line_says_its_version(tmp_path: Path) -> None:
    result = _run([FROZEN_APP, "--version"], tmp_path / "home")
    assert result.returncode == 0
    assert result.stdout.strip() == f"intake {__version__}"


def test_the_frozen_app_upgrades_an_old_database_and_matches(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    make_previous_version_database(path)
    result = _run(
        [
            FROZEN_APP,
            "--database",
            f"sqlite:///{path}",
            "match",
            "--intake",
            str(EXAMPLE / "buprenorphine_peer_support.json"),
            "--format",
            "json",
        ],
        tmp_path / "home",
    )
    assert result.returncode == 0, result.stderr
    assert any(p["referrals"] for p in json.loads(result.stdout)["pathways"])
    with sqlite3.connect(path) as conn:
        assert conn.execute("select version_num from alembic_version").fetchone() == (SCHEMA_HEAD,)
        assert conn.execute("select count(*) from client").fetchone() == (2,)


def test_the_frozen_app_validates_its_bundled_demo_directory(tmp_path: Path) -> None:
    demo = Path(FROZEN_APP).parent / "_internal" / "resources" / "demo"
    result = _run([FROZEN_APP, "directory", "validate", str(demo)], tmp_path / "home")
    assert result.returncode == 0, result.stderr


def _deb_field(name: str) -> str:
    result = subprocess.run(
        ["dpkg-deb", "--field", DEB, name], capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def test_the_deb_declares_itself_and_the_libraries_qt_needs() -> None:
    assert _deb_field("Package") == "intake"
    assert _deb_field("Version") == __version__
    depends = [part.strip().split(" ")[0] for part in _deb_field("Depends").split(",")]
    assert set(QT_DEPENDS) <= set(depends)
    assert "libc6" in depends
    control = subprocess.run(
        ["dpkg-deb", "--ctrl-tarfile", DEB], capture_output=True, check=True
    ).stdout
    listing = subprocess.run(
        ["tar", "-t"], input=control, capture_output=True, check=True
    ).stdout.decode()
    scripts = {"preinst", "postinst", "prerm", "postrm", "config", "triggers"}
    assert not {Path(name).name for name in listing.split()} & scripts, "no maintainer scripts"


def test_the_installed_files_run_from_a_temporary_root(tmp_path: Path) -> None:
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", DEB, str(root)], check=True)
    launcher = root / "usr/bin/intake"
    assert launcher.is_symlink() and os.readlink(launcher) == "/opt/intake/intake"
    desktop = root / "usr/share/applications/intake.desktop"
    assert "Exec=intake" in desktop.read_text(encoding="utf-8")
    assert (root / "usr/share/icons/hicolor/256x256/apps/intake.png").is_file()
    assert (root / "usr/share/icons/hicolor/scalable/apps/intake.svg").is_file()
    assert (root / "usr/share/doc/intake/copyright").is_file()
    validator = shutil.which("desktop-file-validate")
    if validator:
        subprocess.run([validator, str(desktop)], check=True)
    _assert_self_test_passes(root / "opt/intake/intake", tmp_path)
