#!/bin/sh
# Makes the booking page's app icons (web app manifest) from icon.svg: icon-192.png and
# icon-512.png ("any": the rounded tile as is) and icon-maskable-512.png ("maskable": a full-bleed
# tile with the ticket inside the 80 % safe zone, for launchers that cut their own shape).
# Needs rsvg-convert (Debian: librsvg2-bin). Run it after changing icon.svg and commit the PNGs.
set -eu
cd "$(dirname "$0")"
rsvg-convert -w 192 -h 192 icon.svg -o icon-192.png
rsvg-convert -w 512 -h 512 icon.svg -o icon-512.png
# The same drawing without the rounded corners, scaled to 85 % around the centre.
inner=$(sed -e 's/^<svg[^>]*>//' -e 's#</svg>$##' -e 's#<rect[^>]*/>##' icon.svg)
printf '%s' "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 64 64\"><rect width=\"64\" height=\"64\" fill=\"#17336b\"/><g transform=\"translate(4.8 4.8) scale(0.85)\">$inner</g></svg>" |
    rsvg-convert -w 512 -h 512 -o icon-maskable-512.png
