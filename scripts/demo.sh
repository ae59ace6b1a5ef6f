#!/usr/bin/env bash
# Builds mediatheque and the bundled demo into _site/ (public/ and private/).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --no-python
swift build -c release --product mediatheque
.build/release/mediatheque build "$@"
echo "Open _site/public/index.html in a browser; patrons' folders are in _site/private/."
