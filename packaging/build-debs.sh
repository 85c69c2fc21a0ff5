#!/usr/bin/env bash
# Builds the Debian packages (nextup-server, nextup-console, nextup-kiosk and their -dbgsym) into
# build/package/debs and runs lintian on them. Usage: bash packaging/build-debs.sh
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD="$ROOT/build/package"
OUT="$BUILD/debs"
export CCACHE_BASEDIR="$ROOT" CCACHE_NOHASHDIR=1

bash "$ROOT/scripts/deps.sh"
command -v lintian >/dev/null || apt-get install -y -qq --no-install-recommends lintian

# RelWithDebInfo: optimised, with the symbols that CPack splits into the -dbgsym packages.
cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_INSTALL_PREFIX=/usr \
    -DNEXTUP_BUILD_TESTS=OFF -DNEXTUP_BUILD_BENCH=OFF
cmake --build "$BUILD"
rm -rf "$OUT"
(cd "$BUILD" && cpack -G DEB -B "$OUT")
rm -rf "$OUT/_CPack_Packages"

# CPack 3.25's -dbgsym packages list absolute build paths in md5sums and carry no documentation:
# mend both the way debhelper builds them (a usr/share/doc symlink to the package they belong to).
for ddeb in "$OUT"/*-dbgsym_*.ddeb; do
    tree=$(mktemp -d)
    dpkg-deb -R "$ddeb" "$tree"
    (cd "$tree" && find usr -type f -exec md5sum {} + | sort -k2 >DEBIAN/md5sums)
    chmod 0644 "$tree"/usr/lib/debug/.build-id/*/*.debug
    package=$(dpkg-deb -f "$ddeb" Package)
    mkdir -p "$tree/usr/share/doc"
    ln -s "${package%-dbgsym}" "$tree/usr/share/doc/$package"
    dpkg-deb --root-owner-group -Zxz -b "$tree" "$ddeb" >/dev/null
    rm -rf "$tree"
done

echo "==> Packages"
for deb in "$OUT"/*.deb "$OUT"/*.ddeb; do
    printf '%s  %s kB installed\n' "$(basename "$deb")" "$(dpkg-deb -f "$deb" Installed-Size)"
    printf '    Depends: %s\n' "$(dpkg-deb -f "$deb" Depends)"
done
echo "==> lintian"
lintian --fail-on error,warning --info "$OUT"/*.deb "$OUT"/*.ddeb
echo "lintian: no errors or warnings"
