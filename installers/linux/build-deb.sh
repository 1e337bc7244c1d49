#!/usr/bin/env bash
# Build diskominfo-desk_<version>_<arch>.deb from the PyInstaller one-folder bundle.
#
#     bash installers/linux/build-deb.sh [BUNDLE_DIR] [OUT_DIR]
#
# BUNDLE_DIR defaults to dist/diskominfo-desk (what `pyinstaller installers/diskominfo-desk.spec`
# makes), OUT_DIR to dist/. Needs dpkg-deb (dpkg-dev), desktop-file-validate
# (desktop-file-utils) and appstreamcli (appstream); the .desktop file and the AppStream
# metainfo are validated before anything is packed. The package installs:
#   /opt/diskominfo-desk/                 the bundle
#   /usr/bin/diskominfo-desk              launcher (GUI, and every sub-command)
#   /usr/share/applications/diskominfo-desk.desktop
#   /usr/share/metainfo/id.diskominfo.desk.metainfo.xml
#   /usr/share/icons/hicolor/*/apps/diskominfo-desk.{png,svg}
#   /usr/share/doc/diskominfo-desk/copyright
# Depends: the Debian packages of the system libraries the bundle links to but does not
# carry (libc, OpenGL/EGL, ...), found with objdump and dpkg -S on the build machine.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BUNDLE=$(realpath "${1:-$ROOT/dist/diskominfo-desk}")
OUT=$(realpath -m "${2:-$ROOT/dist}")
PACKAGE=diskominfo-desk
COMPONENT_ID=id.diskominfo.desk

[ -x "$BUNDLE/$PACKAGE" ] || {
    echo "build-deb: no bundle at $BUNDLE (build it: pyinstaller installers/diskominfo-desk.spec)" >&2
    exit 1
}
for tool in dpkg-deb desktop-file-validate appstreamcli objdump; do
    command -v "$tool" >/dev/null || {
        echo "build-deb: $tool is missing (apt-get install dpkg-dev desktop-file-utils appstream binutils)" >&2
        exit 1
    }
done

# The version has one home: desktop/__init__.py. PEP 440 pre-releases sort before the
# release in Debian only with a tilde (0.2.0rc1 -> 0.2.0~rc1).
VERSION=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$ROOT/desktop/__init__.py")
[ -n "$VERSION" ] || { echo "build-deb: no __version__ in desktop/__init__.py" >&2; exit 1; }
DEB_VERSION=$(printf '%s' "$VERSION" | sed -E 's/[.]?(a|b|rc|dev)([0-9]*)$/~\1\2/')
ARCH=$(dpkg --print-architecture)
RELEASE_DATE=$(date -u -d "@${SOURCE_DATE_EPOCH:-$(git -C "$ROOT" log -1 --format=%ct 2>/dev/null || date +%s)}" +%Y-%m-%d)
MAINTAINER=${DEB_MAINTAINER:-"Diskominfo Desk <diskominfo-desk@localhost>"}

STAGE=$(mktemp -d "${TMPDIR:-/tmp}/diskominfo-desk-deb.XXXXXX")
trap 'rm -rf "$STAGE"' EXIT
PKG="$STAGE/${PACKAGE}_${DEB_VERSION}_${ARCH}"
mkdir -p "$PKG/DEBIAN" "$PKG/opt" "$PKG/usr/bin" "$PKG/usr/share/applications" \
    "$PKG/usr/share/metainfo" "$PKG/usr/share/doc/$PACKAGE"

echo "build-deb: desktop entry and AppStream metadata"
install -m 0644 "$HERE/$PACKAGE.desktop" "$PKG/usr/share/applications/$PACKAGE.desktop"
sed -e "s/@VERSION@/$VERSION/" -e "s/@DATE@/$RELEASE_DATE/" "$HERE/$PACKAGE.metainfo.xml.in" \
    > "$PKG/usr/share/metainfo/$COMPONENT_ID.metainfo.xml"
chmod 0644 "$PKG/usr/share/metainfo/$COMPONENT_ID.metainfo.xml"
desktop-file-validate "$PKG/usr/share/applications/$PACKAGE.desktop"
appstreamcli validate --no-net "$PKG/usr/share/metainfo/$COMPONENT_ID.metainfo.xml"

echo "build-deb: icons"
for png in "$ROOT/resources/icons/$PACKAGE"-*.png; do
    size=$(basename "$png" .png); size=${size##*-}
    install -D -m 0644 "$png" "$PKG/usr/share/icons/hicolor/${size}x${size}/apps/$PACKAGE.png"
done
install -D -m 0644 "$ROOT/resources/icons/$PACKAGE.svg" \
    "$PKG/usr/share/icons/hicolor/scalable/apps/$PACKAGE.svg"

echo "build-deb: bundle and launcher"
cp -a "$BUNDLE" "$PKG/opt/$PACKAGE"
rm -f "$PKG/opt/$PACKAGE/portable.txt"  # an installed copy keeps data in the user's folders
chmod -R u+rwX,go+rX,go-w "$PKG/opt/$PACKAGE"
find "$PKG/opt/$PACKAGE/_internal" -type f -name '*.so*' -exec chmod 0644 {} +  # loaded, not run
cat > "$PKG/usr/bin/$PACKAGE" <<EOF
#!/bin/sh
# Diskominfo Desk: the window, or a sub-command (diskominfo-desk --help).
exec /opt/$PACKAGE/$PACKAGE "\$@"
EOF
chmod 0755 "$PKG/usr/bin/$PACKAGE"

{
    echo "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"
    echo "Upstream-Name: Diskominfo Desk"
    echo
    echo "Files: *"
    echo "License: MIT"
    sed 's/^$/./; s/^/ /' "$ROOT/LICENSE"
    echo
    echo "Files: opt/$PACKAGE/_internal/desktop/resources/fonts/*"
    echo "License: DejaVu (Bitstream Vera, Arev; see below)"
    sed 's/^$/./; s/^/ /' "$ROOT/resources/fonts/LICENSE-DejaVu.txt"
    echo
    echo "Files: opt/$PACKAGE/_internal/desktop/resources/data/*"
    echo "License: MIT (wilayah data, see below)"
    sed 's/^$/./; s/^/ /' "$ROOT/resources/data/LICENSE-wilayah.txt"
} > "$PKG/usr/share/doc/$PACKAGE/copyright"
chmod 0644 "$PKG/usr/share/doc/$PACKAGE/copyright"

echo "build-deb: dependencies"
# Every DT_NEEDED of the bundle's ELF files that the bundle does not carry itself is a
# system library; the package that owns it on this machine becomes a dependency.
mapfile -t elves < <(find "$PKG/opt/$PACKAGE" -type f \( -name '*.so*' -o -perm -u+x \) \
    -exec sh -c 'head -c 4 "$1" | grep -q "ELF" && echo "$1"' _ {} \;)
carried=$(find "$PKG/opt/$PACKAGE" \( -type f -o -type l \) -name '*.so*' -printf '%f\n' | sort -u)
needed=$(for elf in "${elves[@]}"; do objdump -p "$elf" 2>/dev/null; done \
    | awk '/NEEDED/ {print $2}' | sort -u)
depends=()
unresolved=()
for soname in $(comm -23 <(echo "$needed") <(echo "$carried")); do
    # awk reads to the end (no early exit): under pipefail, an early exit would kill
    # ldconfig with SIGPIPE and the whole build with status 141, depending on timing
    path=$(ldconfig -p | awk -v n="$soname" \
        '$1 == n && /x86-64|AArch64|64bit/ && !found {print $NF; found = 1}')
    [ -n "$path" ] || path=$(ldconfig -p | awk -v n="$soname" \
        '$1 == n && !found {print $NF; found = 1}')
    if [ -z "$path" ]; then
        unresolved+=("$soname (not on this machine)")
        continue
    fi
    owner=$(dpkg -S "$(realpath "$path")" 2>/dev/null || dpkg -S "$path" 2>/dev/null || true)
    owner=${owner%%:*}
    if [ -z "$owner" ]; then
        unresolved+=("$soname ($path belongs to no package)")
        continue
    fi
    depends+=("$owner")
done
# A library the bundle needs but neither carries nor can declare would make a package
# that installs cleanly and then cannot start (or cannot open a window): fail here.
if [ "${#unresolved[@]}" -gt 0 ]; then
    echo "build-deb: FAILED: the bundle needs libraries it neither carries nor declares:" >&2
    printf '  %s\n' "${unresolved[@]}" >&2
    echo "build-deb: install the packages that provide them on the build machine" >&2
    exit 1
fi
DEPENDS=$(printf '%s\n' "${depends[@]}" libc6 | sort -u | paste -sd, | sed 's/,/, /g')
echo "build-deb: Depends: $DEPENDS"

INSTALLED_SIZE=$(du -sk --apparent-size "$PKG" | cut -f1)
cat > "$PKG/DEBIAN/control" <<EOF
Package: $PACKAGE
Version: $DEB_VERSION
Architecture: $ARCH
Maintainer: $MAINTAINER
Installed-Size: $INSTALLED_SIZE
Depends: $DEPENDS
Section: misc
Priority: optional
Description: register of applications, datasets, visits and cooperation agreements
 Diskominfo Desk is a desktop register for a regional Diskominfo office in
 Indonesia: the applications every OPD builds and their deployments, the
 datasets opened under Satu Data Indonesia, study visits, and the cooperation
 agreements (KB and PKS) they lead to, printed as formal documents.
 .
 The application is a self-contained bundle in /opt/diskominfo-desk; user data
 stays in the user's folders (~/.local/share/diskominfo-desk) and is kept when
 the package is removed.
EOF

mkdir -p "$OUT"
DEB="$OUT/${PACKAGE}_${DEB_VERSION}_${ARCH}.deb"
echo "build-deb: packing $DEB"
dpkg-deb --root-owner-group -Zxz --build "$PKG" "$DEB" >/dev/null
dpkg-deb --info "$DEB" | sed -n '/Package:/,/Depends:/p'
echo "build-deb: $DEB ($(du -m "$DEB" | cut -f1) MB)"
