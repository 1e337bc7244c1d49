#!/usr/bin/env bash
# Install the built .deb, use the INSTALLED application, then remove the package.
#
#     bash installers/linux/smoke-test-deb.sh dist/diskominfo-desk_<version>_<arch>.deb
#
# Root only (dpkg -i). Runs with a throwaway HOME and XDG folders, so no user's data is
# touched, and QT_QPA_PLATFORM=offscreen (no display needed). Checks, from the bundle in
# /opt/diskominfo-desk through the /usr/bin launcher: --version, init, demo, list, pdf of
# a demo KB, the window for a few seconds (killed, no traceback), the start-up time to
# the main window (best of three), a real X window (xcb platform under Xvfb: mapped within
# 10 s, a screenshot saved under build/), portable mode in a copy of the bundle with portable.txt,
# and dpkg -r leaving nothing of the program behind. Prints "launch-to-window: N.NN s".
set -euo pipefail

DEB=$(realpath "${1:?usage: smoke-test-deb.sh PACKAGE.deb}")
GUI_SECONDS=${GUI_SECONDS:-5}
PACKAGE=diskominfo-desk
EXE=/usr/bin/$PACKAGE
[ "$(id -u)" = 0 ] || { echo "smoke: run as root (dpkg -i)" >&2; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/diskominfo-desk-smoke.XXXXXX")
cleanup() {
    if dpkg -s "$PACKAGE" >/dev/null 2>&1; then dpkg -r "$PACKAGE" >/dev/null 2>&1 || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT
fail() { echo "smoke: FAILED: $*" >&2; exit 1; }
step() { echo "smoke: $*"; }

export HOME="$WORK/home" XDG_DATA_HOME="$WORK/home/.local/share" \
    XDG_CONFIG_HOME="$WORK/home/.config" XDG_STATE_HOME="$WORK/home/.local/state" \
    XDG_CACHE_HOME="$WORK/home/.cache" XDG_RUNTIME_DIR="$WORK/runtime"
export QT_QPA_PLATFORM=offscreen
unset DISKOMINFO_DESK_DATABASE DISKOMINFO_DESK_CONFIG DISKOMINFO_DESK_PORTABLE_DIR \
    DISKOMINFO_DESK_LANG DISKOMINFO_DESK_EXIT_AFTER_SHOWN
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 0700 "$XDG_RUNTIME_DIR"

step "dpkg -i $(basename "$DEB")"
if ! dpkg -i "$DEB" >"$WORK/dpkg.log" 2>&1; then
    step "missing dependencies: apt-get install -f"
    DEBIAN_FRONTEND=noninteractive apt-get install -f -y -qq >>"$WORK/dpkg.log" 2>&1 \
        || { cat "$WORK/dpkg.log" >&2; fail "dpkg -i"; }
fi
[ -x "/opt/$PACKAGE/$PACKAGE" ] || fail "no /opt/$PACKAGE/$PACKAGE after install"
[ -f "/usr/share/applications/$PACKAGE.desktop" ] || fail "no .desktop file installed"
[ -f "/usr/share/icons/hicolor/256x256/apps/$PACKAGE.png" ] || fail "no hicolor icon installed"

EXPECTED=$(dpkg-deb -f "$DEB" Version)
step "--version"
VERSION_LINE=$("$EXE" --version)
echo "  $VERSION_LINE"
[ "$VERSION_LINE" = "$PACKAGE ${EXPECTED//\~/}" ] || fail "version '$VERSION_LINE' is not $EXPECTED"

step "init"
"$EXE" init | tee "$WORK/init.txt" | sed 's/^/  /'
DB="$XDG_DATA_HOME/$PACKAGE/$PACKAGE.sqlite3"
[ -f "$DB" ] || fail "init made no database at $DB"

step "demo"
"$EXE" demo | sed 's/^/  /'

step "list agreements: the demo KB"
"$EXE" list agreements --json --filter jenis=kb --limit 1 > "$WORK/kb.json"
KB_ID=$(sed -n 's/^ *"id": "\([0-9a-f-]*\)",*$/\1/p;T;q' "$WORK/kb.json")  # first id only
[ -n "$KB_ID" ] || { cat "$WORK/kb.json" >&2; fail "no KB in the demo data"; }
echo "  KB $KB_ID"

step "pdf $KB_ID"
"$EXE" pdf "$KB_ID" -o "$WORK/kb.pdf" | sed 's/^/  /'
[ "$(head -c 5 "$WORK/kb.pdf")" = "%PDF-" ] || fail "pdf wrote no PDF"
echo "  $(du -k "$WORK/kb.pdf" | cut -f1) kB"

step "docx $KB_ID (python-docx's template is in the bundle)"
"$EXE" pdf "$KB_ID" -o "$WORK/kb.docx" | sed 's/^/  /'
python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).getinfo("word/document.xml")' \
    "$WORK/kb.docx" || fail "pdf -o kb.docx wrote no DOCX"
echo "  $(du -k "$WORK/kb.docx" | cut -f1) kB"

step "window (offscreen) for ${GUI_SECONDS}s, then SIGTERM"
set +e
timeout -s TERM "$GUI_SECONDS" "$EXE" >"$WORK/gui.out" 2>"$WORK/gui.err"
code=$?
set -e
sed 's/^/  | /' "$WORK/gui.err"
[ "$code" = 124 ] || fail "the window did not stay up for ${GUI_SECONDS}s (exit $code)"
if grep -q -E "Traceback|Could not (load|find) the Qt platform plugin|Cannot load library" \
        "$WORK/gui.err"; then
    fail "the window printed a traceback or a Qt plugin failure"
fi
if grep -rqs "Traceback" "$XDG_STATE_HOME/$PACKAGE/log"; then
    cat "$XDG_STATE_HOME/$PACKAGE/log/"* >&2
    fail "the log has a traceback"
fi

step "window on the real X platform (xcb) under Xvfb: mapped within 10 s, screenshot"
# Offscreen proves nothing about the X libraries: a package missing libxcb-cursor0 and
# friends still passes it. Here the installed program must open a real X window.
command -v Xvfb >/dev/null || fail "Xvfb is not installed (apt-get install xvfb)"
command -v xwininfo >/dev/null || fail "xwininfo is not installed (apt-get install x11-utils)"
command -v import >/dev/null || fail "import is not installed (apt-get install imagemagick)"
display=""
for n in $(seq 90 120); do
    [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || { display=":$n"; break; }
done
[ -n "$display" ] || fail "no free X display number"
Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do xwininfo -root -display "$display" >/dev/null 2>&1 && break; sleep 0.1; done
QT_QPA_PLATFORM=xcb DISPLAY="$display" "$EXE" >"$WORK/xcb.out" 2>"$WORK/xcb.err" &
app_pid=$!
mapped=""
start=$(date +%s.%N)
for _ in $(seq 100); do
    if xwininfo -root -tree -display "$display" 2>/dev/null | grep -q '"Diskominfo Desk'; then
        mapped=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN {printf "%.2f", b - a}')
        break
    fi
    kill -0 "$app_pid" 2>/dev/null || break
    sleep 0.1
done
if [ -z "$mapped" ]; then
    sed 's/^/  | /' "$WORK/xcb.err" >&2
    kill "$app_pid" "$xvfb_pid" 2>/dev/null || true
    fail "no window mapped on the X display within 10 s"
fi
echo "  window mapped after $mapped s"
sleep 2  # let it paint
SHOT_DIR=${SMOKE_SCREENSHOT_DIR:-$PWD/build}
mkdir -p "$SHOT_DIR"
import -display "$display" -window root "$SHOT_DIR/smoke-xcb.png"
colours=$(identify -format '%k' "$SHOT_DIR/smoke-xcb.png")
echo "  screenshot: $SHOT_DIR/smoke-xcb.png ($(identify -format '%wx%h' "$SHOT_DIR/smoke-xcb.png"), $colours colours)"
kill "$app_pid" 2>/dev/null || true
wait "$app_pid" 2>/dev/null || true
kill "$xvfb_pid" 2>/dev/null || true
wait "$xvfb_pid" 2>/dev/null || true
sed 's/^/  | /' "$WORK/xcb.err"
[ "$colours" -gt 16 ] || fail "the screenshot is blank ($colours colours)"
if grep -q -E "Traceback|Could not (load|find) the Qt platform plugin|Cannot load library" \
        "$WORK/xcb.err"; then
    fail "the X window printed a traceback or a Qt plugin failure"
fi

step "launch to main window (best of 3)"
best=""
for _ in 1 2 3; do
    start=$(date +%s.%N)
    shown=$(DISKOMINFO_DESK_EXIT_AFTER_SHOWN=1 timeout 60 "$EXE" 2>/dev/null \
        | sed -n 's/^main window shown at //p')
    [ -n "$shown" ] || fail "the window never reported itself shown"
    took=$(awk -v a="$start" -v b="$shown" 'BEGIN {printf "%.2f", b - a}')
    echo "  $took s"
    if [ -z "$best" ] || awk -v t="$took" -v b="$best" 'BEGIN {exit !(t < b)}'; then best=$took; fi
done

step "portable mode: a copy of the bundle with portable.txt"
cp -a "/opt/$PACKAGE" "$WORK/portable"
touch "$WORK/portable/portable.txt"
before=$(find "$HOME" -type f | sort | md5sum)
"$WORK/portable/$PACKAGE" init | sed 's/^/  /'
"$WORK/portable/$PACKAGE" backup | sed 's/^/  /'
[ -f "$WORK/portable/data/$PACKAGE.sqlite3" ] || fail "portable database not beside the program"
ls "$WORK/portable/data/backups/$PACKAGE-"*.sqlite3 >/dev/null || fail "portable backup missing"
[ "$(find "$HOME" -type f | sort | md5sum)" = "$before" ] || fail "portable run wrote to HOME"

step "dpkg -r"
dpkg -r "$PACKAGE" >/dev/null
for path in "/opt/$PACKAGE" "$EXE" "/usr/share/applications/$PACKAGE.desktop"; do
    [ ! -e "$path" ] || fail "$path is still there after dpkg -r"
done
[ -f "$DB" ] || fail "removing the package removed the user's database"

echo "smoke: all passed"
echo "launch-to-window: $best s"
