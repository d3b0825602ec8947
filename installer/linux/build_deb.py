"""Package the frozen one-folder build (dist/intake/) as a Debian package.

    python3 installer/linux/build_deb.py [--dist dist/intake] [--icons build/icons] [--out dist]

The package installs:
    /opt/intake/                      the frozen folder (the `intake` executable and _internal/)
    /usr/bin/intake                   a symlink to /opt/intake/intake
    /usr/share/applications/intake.desktop
    /usr/share/icons/hicolor/<size>/apps/intake.png and scalable/apps/intake.svg
    /usr/share/doc/intake/copyright   pointing to the licence texts in /opt/intake
and has no maintainer scripts: dpkg's own triggers refresh the icon cache and the menu, and
removing the package removes every file it installed. The user's data (database, clinic
rules, log) lives in the user's home folder and stays, as records must.

`Depends:` holds the system libraries the bundled Qt needs (installer/README.md, trap 13),
every library outside the bundle that `ldd` resolves on this machine (mapped to its Debian
package with `dpkg -S`), and libc6 at least the newest GLIBC_ symbol version the bundled
files ask for. A library that is neither bundled, nor installed here, nor known below
stops the build. Standard library only: runs with the system's python3.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
PACKAGE = "intake"
INSTALL_DIR = Path("opt") / PACKAGE
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
MAINTAINER = os.environ.get("DEB_MAINTAINER", "intake maintainers <maintainers@intake.invalid>")

# Qt's xcb platform plugin needs these on a real desktop; some are not installed on a
# build machine, so they are declared whatever ldd finds (ecosystem guide, trap 13).
QT_SYSTEM_PACKAGES = (
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "libxkbcommon-x11-0",
    "libegl1",
    "libfontconfig1",
)
# Libraries ldd may not find on a build machine, and the package that provides each.
KNOWN_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
    "libdrm.so.2": "libdrm2",
    "libxcb.so.1": "libxcb1",
}
_LDD_LINE = re.compile(r"^\s*(\S+)\s+=>\s+(not found|\S+)")
_GLIBC = re.compile(rb"GLIBC_2\.(\d+)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dist", type=Path, default=REPO / "dist" / PACKAGE)
    parser.add_argument("--icons", type=Path, default=REPO / "build" / "icons")
    parser.add_argument("--out", type=Path, default=REPO / "dist")
    parser.add_argument("--stage", type=Path, default=REPO / "build" / "deb")
    args = parser.parse_args()
    if not (args.dist / PACKAGE).is_file():
        print(f"build_deb: {args.dist / PACKAGE} not found; build the frozen app first")
        return 1
    version = read_version()
    arch = run(["dpkg", "--print-architecture"]).strip()
    root = args.stage / f"{PACKAGE}_{version}_{arch}"
    shutil.rmtree(root, ignore_errors=True)
    stage_files(root, args.dist, args.icons)
    validate_desktop_entry(root / "usr/share/applications/intake.desktop")
    depends = dependencies(root / INSTALL_DIR)
    write_control(root, version, arch, depends)
    normalize_permissions(root)
    args.out.mkdir(parents=True, exist_ok=True)
    deb = args.out / f"{PACKAGE}_{version}_{arch}.deb"
    run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(deb)])
    size_mb = deb.stat().st_size / 1e6
    print(f"build_deb: {deb.relative_to(REPO) if deb.is_relative_to(REPO) else deb}")
    print(f"build_deb: {size_mb:.1f} MB package, {installed_kib(root) / 1024:.0f} MiB installed")
    print(f"build_deb: Depends: {', '.join(depends)}")
    return 0


def read_version() -> str:
    text = (REPO / "src" / "intake" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    if not match:
        raise SystemExit("build_deb: no __version__ in src/intake/__init__.py")
    return match.group(1)


def run(command: list[str]) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def stage_files(root: Path, dist: Path, icons: Path) -> None:
    shutil.copytree(dist, root / INSTALL_DIR, symlinks=True)
    bin_dir = root / "usr/bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / PACKAGE).symlink_to(Path("/") / INSTALL_DIR / PACKAGE)
    applications = root / "usr/share/applications"
    applications.mkdir(parents=True)
    shutil.copy2(HERE / "intake.desktop", applications / "intake.desktop")
    hicolor = root / "usr/share/icons/hicolor"
    for size in ICON_SIZES:
        folder = hicolor / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True)
        shutil.copy2(icons / f"intake-{size}.png", folder / "intake.png")
    (hicolor / "scalable/apps").mkdir(parents=True)
    shutil.copy2(REPO / "resources/icons/intake.svg", hicolor / "scalable/apps/intake.svg")
    doc = root / "usr/share/doc" / PACKAGE
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(COPYRIGHT, encoding="utf-8")


COPYRIGHT = """\
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: intake
Comment: A self-contained build: /opt/intake bundles Python, Qt (PySide6, LGPL-3.0) and
 the Python packages intake uses. Every bundled component and its licence is listed in
 /opt/intake/_internal/resources/licenses/README.md, with the licence texts in that
 folder (packages/ holds those copied from each Python package).

Files: *
License: GPL-3+
 On Debian systems, the full text of the GNU General Public License version 3 is in
 /usr/share/common-licenses/GPL-3, and in /opt/intake/_internal/resources/licenses/.
"""


def validate_desktop_entry(path: Path) -> None:
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        print("build_deb: desktop-file-validate not installed; .desktop entry not validated")
        return
    result = subprocess.run([validator, str(path)], capture_output=True, text=True)
    output = (result.stdout + result.stderr).strip()
    if result.returncode != 0 or "error:" in output:
        raise SystemExit(f"build_deb: the .desktop entry is not valid:\n{output}")
    print("build_deb: intake.desktop valid (desktop-file-validate)")


def elf_files(folder: Path) -> list[Path]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def dependencies(app: Path) -> list[str]:
    """The Debian packages the bundle needs from the system, libc6 with its minimum version."""
    internal = app / "_internal"
    env = {**os.environ, "LD_LIBRARY_PATH": f"{internal}:{internal / 'PySide6/Qt/lib'}"}
    elves = elf_files(app)
    outside: set[str] = set()
    missing: set[str] = set()
    for path in elves:
        result = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env)
        for line in result.stdout.splitlines():
            match = _LDD_LINE.match(line)
            if not match:
                continue
            name, where = match.groups()
            if where == "not found":
                missing.add(name)
            elif not Path(where).resolve().is_relative_to(app.resolve()):
                outside.add(where)
    unknown = sorted(name for name in missing if name not in KNOWN_LIBRARIES)
    if unknown:
        raise SystemExit(f"build_deb: libraries neither bundled nor known: {', '.join(unknown)}")
    packages = {KNOWN_LIBRARIES[name] for name in missing} | set(QT_SYSTEM_PACKAGES)
    packages |= {package_of(path) for path in outside}
    packages.discard("libc6")
    glibc = max((int(n) for path in elves for n in _GLIBC.findall(path.read_bytes())), default=17)
    return [f"libc6 (>= 2.{glibc})", *sorted(packages)]


def package_of(library: str) -> str:
    """The Debian package owning `library` (tries the /lib and /usr/lib spellings)."""
    path = Path(library)
    candidates = {str(path), str(path.resolve())}
    for name in list(candidates):
        if name.startswith("/usr/lib/"):
            candidates.add(name.removeprefix("/usr"))
        elif name.startswith("/lib/"):
            candidates.add("/usr" + name)
    for candidate in sorted(candidates):
        result = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
        if result.returncode == 0:
            return result.stdout.split(":")[0].strip()
    if path.name in KNOWN_LIBRARIES:
        return KNOWN_LIBRARIES[path.name]
    raise SystemExit(f"build_deb: no Debian package owns {library}")


def installed_kib(root: Path) -> int:
    total = 0
    for path in root.rglob("*"):
        if "DEBIAN" in path.relative_to(root).parts:
            continue
        total += path.lstat().st_size if path.is_file() or path.is_symlink() else 0
    return (total + 1023) // 1024


def write_control(root: Path, version: str, arch: str, depends: list[str]) -> None:
    control = root / "DEBIAN" / "control"
    control.parent.mkdir(parents=True)
    control.write_text(
        f"""\
Package: {PACKAGE}
Version: {version}
Architecture: {arch}
Maintainer: {MAINTAINER}
Installed-Size: {installed_kib(root)}
Depends: {", ".join(depends)}
Section: misc
Priority: optional
Description: intake and referral assistant for substance-use programs
 A desktop app for substance-use and harm-reduction programs: a counselor
 records what a client wants (abstinence, reduced use, safety, in the
 client's own words) and intake matches referrals across every recovery
 pathway, each with the reasons it matched, with a safety floor that fires
 whatever the goal. Reads and writes Open Referral HSDS 3.0 directories.
 .
 This package bundles its own Python and Qt in /opt/intake.
""",
        encoding="utf-8",
    )


def normalize_permissions(root: Path) -> None:
    """0755 folders and executables, 0644 other files, whatever the umask was."""
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        else:
            executable = path.stat().st_mode & 0o111
            path.chmod(0o755 if executable else 0o644)


if __name__ == "__main__":
    sys.exit(main())
