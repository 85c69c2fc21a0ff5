#!/bin/sh
# Renders the PNG icons of packaging/desktop/icons/hicolor from the SVG sources.
# Needs rsvg-convert (Debian package librsvg2-bin). Run it after changing an SVG; the PNGs are
# committed, so a build never needs it.
#   scalable/apps/<id>.svg  -> 32, 48, 64, 128, 256
#   src/<id>-16.svg         -> 16 (a pixel-aligned drawing: the full one blurs at that size)
set -eu
cd "$(dirname "$0")"
for id in org.nextup.Console org.nextup.Kiosk; do
    for size in 16 32 48 64 128 256; do
        source=hicolor/scalable/apps/$id.svg
        [ "$size" = 16 ] && source=src/$id-16.svg
        mkdir -p "hicolor/${size}x${size}/apps"
        rsvg-convert --width "$size" --height "$size" --format png \
            --output "hicolor/${size}x${size}/apps/$id.png" "$source"
    done
done
