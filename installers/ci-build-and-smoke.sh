#!/usr/bin/env bash
# CI (and by hand): build the bundle, build and smoke-test the .deb, compile the Windows
# installer script, print the figures.
#
#     bash installers/ci-build-and-smoke.sh
#
# For a clean Debian 12 machine, as root, with the project venv (.venv) already made by
# .ci/run. Installs what it needs (apt: dpkg-dev, desktop-file-utils, appstream, nsis,
# binutils; pip: pyinstaller into .venv). Leaves dist/diskominfo-desk/ (the bundle),
# dist/diskominfo-desk_<version>_<arch>.deb and build/ (both ignored by git).
# Prints: bundle size, .deb size, launch-to-main-window seconds of the installed package.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
export QT_QPA_PLATFORM=offscreen

PY=.venv/bin/python
DIST=dist
BUILD=build
started=$(date +%s)

echo "== installers: system packages"
# The Qt xcb runtime libraries are installed here so that build-deb.sh resolves them to
# their packages and declares them (a build host without them used to drop them from
# Depends with a warning); Xvfb, x11-utils and imagemagick run the real-X smoke test.
PACKAGES=(dpkg-dev desktop-file-utils appstream nsis binutils
          libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 fonts-dejavu-core
          libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
          libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xinerama0
          libxcb-xkb1 libxkbcommon-x11-0 libxrender1 libsm6 libice6
          xvfb x11-utils imagemagick)
if ! apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null 2>&1; then
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null
fi

echo "== installers: PyInstaller into .venv"
[ -x "$PY" ] || { echo "no .venv: make it first (python3 -m venv .venv && .venv/bin/pip install -e .)" >&2; exit 1; }
.venv/bin/pip install -q "pyinstaller>=6.10,<7"

if [ ! -f resources/icons/diskominfo-desk.ico ] || [ ! -f resources/icons/diskominfo-desk-512.png ]; then
    echo "icons missing: QT_QPA_PLATFORM=offscreen .venv/bin/python installers/make_icons.py" >&2
    exit 1
fi

echo "== installers: PyInstaller one-folder bundle"
rm -rf "$DIST/diskominfo-desk"
t0=$(date +%s)
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
    --distpath "$DIST" --workpath "$BUILD/pyinstaller" installers/diskominfo-desk.spec
bundle_seconds=$(( $(date +%s) - t0 ))
BUNDLE="$DIST/diskominfo-desk"
"$BUNDLE/diskominfo-desk" --version
# compiled pieces a quick start would not miss: reportlab's accelerator (imported inside a
# try: a miss only slows PDFs down) and QtNetwork (the single-instance hand-over)
for piece in _rl_accel libQt6Network; do
    if [ -z "$(find "$BUNDLE" -name "$piece*" -print -quit)" ]; then
        echo "installers: $piece is missing from the bundle" >&2
        exit 1
    fi
done

echo "== installers: .deb (validates the .desktop file and the AppStream metainfo)"
rm -f "$DIST"/diskominfo-desk_*.deb
bash installers/linux/build-deb.sh "$BUNDLE" "$DIST"
DEB=$(ls "$DIST"/diskominfo-desk_*.deb)

echo "== installers: smoke test of the installed .deb"
bash installers/linux/smoke-test-deb.sh "$DEB" | tee "$BUILD/smoke.log"
launch=$(sed -n 's/^launch-to-window: \([0-9.]*\) s$/\1/p' "$BUILD/smoke.log")

echo "== installers: NSIS script against a dummy payload"
VERSION=$("$PY" -c 'import desktop; print(desktop.__version__)')
"$PY" installers/windows/make_installer.py --dummy-payload \
    --output "$BUILD/nsis/diskominfo-desk-$VERSION-dummy-setup.exe"

echo "== installers: figures"
bundle_mb=$(du -sm "$BUNDLE" | cut -f1)
deb_mb=$(awk -v b="$(stat -c %s "$DEB")" 'BEGIN {printf "%.1f", b / 1e6}')
echo "bundle size: $bundle_mb MB ($BUNDLE, built in ${bundle_seconds}s)"
echo ".deb size: $deb_mb MB ($(basename "$DEB"))"
echo "launch to main window: $launch s (installed .deb, offscreen, best of 3)"
echo "installers took $(( $(date +%s) - started ))s"
echo "installers: 4 passed, 0 failed"
