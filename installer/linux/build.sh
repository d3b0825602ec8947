#!/bin/sh
# Build the frozen one-folder app (dist/intake/) and the .deb (dist/intake_<version>_<arch>.deb).
#   installer/linux/build.sh VENV_BIN      (`make installer` passes build/installer-venv/bin)
set -eu
VENV_BIN=${1:?usage: installer/linux/build.sh VENV_BIN}
cd "$(dirname "$0")/../.."
start=$(date +%s)
rm -rf dist/intake dist/intake_*.deb build/icons build/licenses
"$VENV_BIN/python" installer/render_icons.py build/icons
"$VENV_BIN/python" installer/collect_licenses.py build/licenses
"$VENV_BIN/pyinstaller" --noconfirm --log-level WARN --distpath dist \
    --workpath build/pyinstaller installer/intake.spec
frozen=$(date +%s)
python3 installer/linux/build_deb.py
end=$(date +%s)
echo "installer: dist/intake $(du -sh dist/intake | cut -f1) built in $((frozen - start)) s;" \
    "the .deb in $((end - frozen)) s"
