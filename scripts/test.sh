#!/usr/bin/env bash
# Runs every test: unit tests, input checks, and the built demo validated with the
# real tools of each format.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build --build-tests
MEDIATHEQUE_REQUIRE_VALIDATORS=1 swift test --skip-build "$@"
# The feed reader against mutated feeds, two minutes: no crash, hang or memory blow-up.
python3 scripts/fuzz-feed.py .build/debug/mediatheque --seconds 120
