#!/usr/bin/env bash
# Install the built .deb, use the INSTALLED application, then remove the package.
#
#     bash installers/linux/smoke-test-deb.sh dist/diskominfo-desk_<version>_<arch>.deb
#
# Root only (dpkg -i). Runs with a throwaway HOME and XDG folders, so no user's data is
# touched, and QT_QPA_PLATFORM=offscreen (no display needed). Checks, from the bundle in
# /opt/diskominfo-desk through the /usr/bin launcher: --version, init, demo, list, pdf of
# a demo KB, the window for a few seconds (killed, no traceback), the start-up time to
# the main window (best of three), portable mode in a copy of the bundle with portable.txt,
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
