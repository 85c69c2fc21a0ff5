#!/bin/sh
# Checks the static packaging assets (packaging/desktop, packaging/man, packaging/debian,
# packaging/kiosk) with the validators Debian uses, without building Nextup:
#   desktop-file-validate, appstreamcli validate, man --warnings, lexgrog, dpkg-parsechangelog,
#   the shell linter, the PNG sizes, and lintian on three stand-in packages that carry these assets around
#   a stub program (so copyright, changelog and man pages are judged as installed).
# Needs: desktop-file-utils appstream man-db dpkg-dev lintian file shellcheck (apt-get install them).
# Exit status 0 when every check passes; pedantic AppStream remarks are printed but do not fail.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
repo=$(cd "$here/.." && pwd)
failed=0
fail() { echo "FAIL: $*" >&2; failed=1; }
step() { printf '\n== %s\n' "$*"; }

step "desktop-file-validate"
for f in "$here"/desktop/*.desktop "$here"/kiosk/*.desktop; do
    out=$(desktop-file-validate "$f" 2>&1) || fail "$f"
    echo "${f#"$repo"/}: ${out:-no message}"
done

step "appstreamcli validate --no-net --pedantic"
for f in "$here"/desktop/*.metainfo.xml; do
    appstreamcli validate --no-net --pedantic "$f" || fail "$f"
done

step "man --warnings, lexgrog"
for f in "$here"/man/*.1; do
    out=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l -E UTF-8 "$f" 2>&1 >/dev/null) || fail "$f"
    [ -z "$out" ] || { echo "$out"; fail "$f has warnings"; }
    lexgrog "$f" || fail "lexgrog $f"
done

step "dpkg-parsechangelog"
dpkg-parsechangelog -l "$here/debian/changelog" -S Version || fail changelog

step "shellcheck"
if shellcheck "$here/kiosk/nextup-kiosk-session" "$here/desktop/icons/render.sh" "$0"; then
    echo "no message"
else
    fail shellcheck
fi

step "icon sizes"
for png in "$here"/desktop/icons/hicolor/*/apps/*.png; do
    size=$(basename "$(dirname "$(dirname "$png")")")
    want=$(echo "$size" | sed 's/x/ x /')
    file "$png" | grep -q "PNG image data, $want," || fail "$png is not $size"
done
echo "$(find "$here/desktop/icons/hicolor" -name '*.png' | wc -l) PNG files checked"

step "lintian on stand-in packages"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
version=$(dpkg-parsechangelog -l "$here/debian/changelog" -S Version)
maintainer=$(dpkg-parsechangelog -l "$here/debian/changelog" -S Maintainer)
for pkg in nextup-server nextup-console nextup-kiosk; do
    root=$work/$pkg
    doc=$root/usr/share/doc/$pkg
    mkdir -p "$root/DEBIAN" "$root/usr/bin" "$doc" "$root/usr/share/man/man1"
    printf '#!/bin/sh\necho stub\n' >"$root/usr/bin/$pkg"
    chmod 755 "$root/usr/bin/$pkg"
    install -m 644 "$here/debian/copyright" "$doc/copyright"
    gzip -9nc "$here/debian/changelog" >"$doc/changelog.gz"
    gzip -9nc "$here/man/$pkg.1" >"$root/usr/share/man/man1/$pkg.1.gz"
    case $pkg in
    nextup-console) app=Console ;;
    nextup-kiosk) app=Kiosk ;;
    *) app= ;;
    esac
    if [ -n "$app" ]; then
        install -D -m 644 "$here/desktop/org.nextup.$app.desktop" "$root/usr/share/applications/org.nextup.$app.desktop"
        install -D -m 644 "$here/desktop/org.nextup.$app.metainfo.xml" "$root/usr/share/metainfo/org.nextup.$app.metainfo.xml"
        for icon in "$here"/desktop/icons/hicolor/*/apps/org.nextup."$app".*; do
            rel=${icon#"$here"/desktop/icons/}
            install -D -m 644 "$icon" "$root/usr/share/icons/$rel"
        done
    fi
    if [ "$pkg" = nextup-kiosk ]; then
        install -D -m 644 "$here/kiosk/nextup-kiosk.service" "$root/usr/lib/systemd/user/nextup-kiosk.service"
        install -D -m 755 "$here/kiosk/nextup-kiosk-session" "$root/usr/libexec/nextup-kiosk/nextup-kiosk-session"
        install -D -m 644 "$here/kiosk/nextup-kiosk-lobby.desktop" "$root/usr/share/nextup-kiosk/nextup-kiosk-lobby.desktop"
        install -D -m 644 "$here/kiosk/README.md" "$doc/README.lobby.md"
        install -D -m 644 "$repo/kiosk/examples/kiosk.ini" "$doc/examples/kiosk.ini"
        install -D -m 644 "$repo/kiosk/examples/dispenser.ini" "$doc/examples/dispenser.ini"
    fi
    if [ -n "$app" ]; then
        echo "appstreamcli validate-tree $pkg:"
        appstreamcli validate-tree --no-net "$root" || fail "validate-tree $pkg"
    fi
    find "$root" -type d -exec chmod 755 {} +
    (cd "$root" && find usr -type f -exec md5sum {} + >DEBIAN/md5sums)
    cat >"$root/DEBIAN/control" <<EOF
Package: $pkg
Version: $version
Architecture: all
Maintainer: $maintainer
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Section: net
Priority: optional
Description: stand-in of $pkg for checking the packaging assets
 This package carries the packaging assets of Nextup (copyright, changelog,
 manual page and desktop integration) around a stub program, so that lintian
 can check them without a build of the real program.
EOF
    dpkg-deb --root-owner-group -Zxz -b "$root" "$work/${pkg}_${version}_all.deb" >/dev/null
done
tags=$(lintian --pedantic --display-info --display-experimental "$work"/*.deb 2>&1 |
    grep -v 'running with root privileges' || true)
echo "${tags:-lintian: no tag at all (pedantic, info and experimental shown)}"
[ -z "$tags" ] || fail "lintian tags"

if [ "$failed" = 0 ]; then
    printf '\nAll packaging asset checks passed.\n'
else
    printf '\nSome checks failed (see FAIL lines).\n' >&2
fi
exit "$failed"
