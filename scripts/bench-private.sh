#!/usr/bin/env bash
# Measures a full build (public/ and the private/ folder of every patron) of a
# generated network: time and peak memory with /usr/bin/time -v, release build.
#
#   scripts/bench-private.sh [PATRONS]        # default 10000
#
# The network (`mediatheque generate`, seed 42, --today 2025-03-28) and the bundle
# are written under /dev/shm (BENCH_DIR to change it) and removed at the end
# (KEEP=1 keeps them). The secret comes from MEDIATHEQUE_SECRET, set here to a
# throw-away value if unset; it is never printed.
set -euo pipefail
cd "$(dirname "$0")/.."

patrons="${1:-10000}"
today="2025-03-28"
work="${BENCH_DIR:-/dev/shm}/mediatheque-bench-$$"
[ -x /usr/bin/time ] || { echo "bench-private: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$work"' EXIT
export MEDIATHEQUE_SECRET="${MEDIATHEQUE_SECRET:-bench-secret-$$-not-for-production}"

swift build -c release --product mediatheque >/dev/null
bin=.build/release/mediatheque
mkdir -p "$work"

echo "bench-private: generating $patrons patrons into $work/input"
/usr/bin/time -f "generate: %e s, peak %M KB" "$bin" generate --patrons "$patrons" --seed 42 --today "$today" --out "$work/input" >/dev/null

echo "bench-private: building"
/usr/bin/time -v -o "$work/time.txt" "$bin" build --database "$work/input/accounts.sqlite" --agenda "$work/input/agenda.xml" \
  --today "$today" --out "$work/site" 2>/dev/null
grep -E "Elapsed \(wall clock\)|User time|System time|Maximum resident set size|Percent of CPU" "$work/time.txt" | sed 's/^\t*/  /'
echo "  private folders: $(find "$work/site/private" -mindepth 1 -maxdepth 1 -type d ! -name assets | wc -l)," \
     "private files: $(find "$work/site/private" -type f | wc -l), size: $(du -sh "$work/site/private" | cut -f1)"
