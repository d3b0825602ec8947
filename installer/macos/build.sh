#!/bin/sh
# Build intake.app (the spec's BUNDLE) and a .dmg on macOS.
#
#   installer/macos/build.sh            (PYTHON=python3.12 installer/macos/build.sh to choose)
#
# Needs: Python 3.11+ for macOS (python.org or Homebrew) and the Xcode command line tools.
# Gives dist/intake.app and dist/intake-<version>.dmg (drag the app to Applications).
# NOT run on macOS yet (installer/README.md says what was built and tested where).
# The app is only ad-hoc signed (PyInstaller does that): without a Developer ID signature
# and notarization, Gatekeeper asks the user to open it with right-click > Open once.
set -eu
cd "$(dirname "$0")/../.."
PYTHON=${PYTHON:-python3}
VENV=build/installer-venv
start=$(date +%s)

[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --upgrade pip
"$VENV/bin/python" -m pip install --quiet -r installer/requirements.txt -e ".[gui]"

rm -rf dist/intake dist/intake.app build/icons build/licenses build/dmg
"$VENV/bin/python" installer/render_icons.py build/icons
"$VENV/bin/python" installer/collect_licenses.py build/licenses
"$VENV/bin/pyinstaller" --noconfirm --log-level WARN --distpath dist \
    --workpath build/pyinstaller installer/intake.spec

# The executable inside the bundle prints to the terminal it is started from.
dist/intake.app/Contents/MacOS/intake --self-test build/selftest-macos.txt

VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' src/intake/__init__.py)
mkdir -p build/dmg
cp -R dist/intake.app build/dmg/
ln -s /Applications build/dmg/Applications
hdiutil create -volname "intake $VERSION" -srcfolder build/dmg -ov -format UDZO \
    "dist/intake-$VERSION.dmg"
hdiutil verify "dist/intake-$VERSION.dmg"

echo "installer: dist/intake.app $(du -sh dist/intake.app | cut -f1)," \
    "dist/intake-$VERSION.dmg $(du -sh "dist/intake-$VERSION.dmg" | cut -f1)" \
    "in $(($(date +%s) - start)) s"
