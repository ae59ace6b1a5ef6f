#!/usr/bin/env bash
# Makes Site/fonts/: Noto Sans Regular and Bold without their TrueType hinting, for the
# summary PDF. Run once, by hand; the build only reads the result, committed.
#
# Why: cairo copies a font's hinting programs (fpgm, prep, cvt) and every glyph's
# instructions into each PDF's font subset, and compresses them. A PDF is scaled, never
# rasterised at a fixed size, so hinting is dead weight there: without it each summary
# PDF is about a fifth smaller and a build spends about 5% less time.
#
# From Debian's fonts-noto-core (the fonts the PDF falls back to when Site/fonts is
# missing), with fontTools' subsetter keeping every glyph, feature and name and dropping
# only the hinting. The files keep Noto Sans' names: the PDF names its fonts the same.
#
# Usage: scripts/dehint-fonts.sh [SOURCE_DIR]   (default /usr/share/fonts/truetype/noto)
# Needs python3 with venv; fetches fontTools (pinned) into a temporary virtualenv.
set -euo pipefail

source_dir=${1:-/usr/share/fonts/truetype/noto}
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/Site/fonts"
venv=$(mktemp -d)
trap 'rm -rf "$venv"' EXIT

python3 -m venv "$venv"
"$venv/bin/pip" install --quiet fonttools==4.69.1
mkdir -p "$out"
for style in Regular Bold; do
    "$venv/bin/pyftsubset" "$source_dir/NotoSans-$style.ttf" --output-file="$out/NotoSans-$style.ttf" \
        --unicodes='*' --glyphs='*' --layout-features='*' --name-IDs='*' --name-languages='*' \
        --name-legacy --notdef-outline --glyph-names --legacy-kern --no-hinting
done
# The licence travels with the fonts (SIL OFL 1.1, no reserved font name).
awk 'text && /^$/ { exit } text { sub(/^ /, ""); sub(/^\.$/, ""); print }
     previous == "" && /^License: OFL-1.1$/ { text = 1 } { previous = $0 }' \
    /usr/share/doc/fonts-noto-core/copyright > "$out/OFL.txt"
ls -l "$out"
