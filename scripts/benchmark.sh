#!/usr/bin/env bash
# Benchmark of `mediatheque build` at scale, with Hugo as a yardstick.
#
# Usage:
#   scripts/benchmark.sh [options] [N ...]     N = numbers of patrons (default: 10000 50000)
#   scripts/benchmark.sh --quick               smoke run, N = 1000
#
# Options:
#   --quick      N = 1000 (a smoke run, a few seconds)
#   --runs R     time every scenario R times and report the median (default: 1)
#   --no-build   use the release binary already built (skip `swift build`)
#   --keep       keep the RAM disk folder at the end (for inspection)
#   --hugo-max P build the Hugo yardstick only up to P pages (default 200000:
#                Hugo 0.111 needed 3.9 GB for 110,000 pages here, and ran this
#                machine's 23 GB out at 551,000); larger sizes say "skipped"
#   -h, --help   this text
#
# It builds the release binary (`swift build -c release --product mediatheque`;
# on a fresh clone SwiftPM may first fetch the dependencies, the benchmark
# itself uses no network), then works entirely on a RAM disk,
# /dev/shm/mediatheque-bench (removed at start and at the end), with a fixed
# reference date (--today 2025-03-28), seed (42) and site secret. For each N:
#
#   1. generate    `mediatheque generate --patrons N` (timed, not counted);
#   2. clean build `mediatheque build` into an empty folder: wall time, peak
#                  memory (GNU time -v, "Maximum resident set size"), files by
#                  kind (by extension: HTML, ICS, RSS, JSON, PDF, other) and
#                  files per second of each kind (count / wall time);
#   3. no-op       the same build again (same inputs, same --today), twice:
#                  first right after the clean build (no previous bundle to
#                  start from: every kept file is linked), then again, as every
#                  rebuild after it runs (starting from the bundle the last one
#                  replaced, <out>.previous): wall time, ratio to the clean
#                  build, files written;
#   4. 1 patron    a copy of the database where the open loans of one patron
#                  (the first card number with an open loan) are due 7 days
#                  later, rebuilt into the same folder: wall time, ratio, files
#                  written;
#   5. next day    the same data built for the next day (--today + 1 day), into
#                  the same folder: what a nightly rebuild costs when nothing
#                  changed but the date (a folder is rendered again when one of
#                  its states changed overnight: a loan due soon, due tomorrow,
#                  due today or late, a session's registration opening,
#                  closing or ending, or a loan left the history's window, when
#                  its summary, PDF included, is kept; every other folder is
#                  kept whole);
#   5b. nightly    the night after (--today + 2 days), the realistic nightly
#                  rebuild: the database of the day before changed as
#                  scripts/next-night.sql says (2% of the patrons returned a
#                  loan, borrowed, placed a hold, saw one made available or
#                  registered for a session), plus the states the date
#                  changes: wall time, ratio, files and bytes written, and the
#                  patron folders rendered again (and how many kept their summary);
#   5c. acquisitions the same night, once the libraries catalogued that day's new
#                  documents (scripts/next-night-catalogue.sql: one per 500
#                  patrons, half of them in genres the generated saved searches
#                  follow), rebuilt over 5b's bundle: what a night's acquisitions
#                  add to the nightly rebuild (the folders whose catalogue
#                  searches show one of them);
#   6. pages only  `mediatheque build --pages-only` into an empty folder: the
#                  same build, but patron folders get their HTML pages and
#                  nothing else (no PDF, calendar, feed or data export): what
#                  Hugo makes, for a like-for-like comparison;
#   7. hugo        a Hugo site with as many pages as the clean build wrote HTML
#                  files (one Markdown page each: short front matter, a
#                  three-row table, two paragraphs; a base template with header,
#                  nav, main, footer; taxonomies, RSS, sitemap, robots.txt and
#                  404 disabled), built with `hugo --quiet` right after each
#                  pages-only build (this machine's speed drifts over minutes:
#                  each pair of runs sees it alike): Hugo's pages per
#                  second, peak memory, and (our HTML pages per second) /
#                  (Hugo's pages per second), for the whole build (which also
#                  makes 10 other files per patron, the PDF among them) and for
#                  the pages-only build.
#
# "Files written" is measured on the tree (a file counts if it is new or if its
# inode or modification time changed); the build's own summary line
# "(W written, U unchanged)" is shown next to it in the notes.
#
# The summary tables are printed at the end, written as Markdown to
# /dev/shm/mediatheque-bench/results.md and copied to benchmark-results.md at
# the repository root (git-ignored), also when a later size fails.
#
# Requires: swift (unless --no-build), sqlite3, hugo, GNU time at /usr/bin/time
# (Debian: apt-get install sqlite3 hugo time), GNU find/sort/comm, awk.
# Environment: BENCH_TODAY (default 2025-03-28), BENCH_SEED (default 42).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

BENCH_DIR=/dev/shm/mediatheque-bench
LOCK_FILE=/dev/shm/mediatheque-bench.lock
TODAY="${BENCH_TODAY:-2025-03-28}"
SEED="${BENCH_SEED:-42}"
RESULTS_COPY="$ROOT/benchmark-results.md"
export MEDIATHEQUE_SECRET="benchmark-secret-not-for-production-0123456789"

die() { echo "benchmark: $*" >&2; exit 1; }
usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"; }
# Arithmetic and number formatting, independent of the locale.
calc() { LC_ALL=C awk "BEGIN { $1 }" </dev/null; }

# ---------------------------------------------------------------- arguments
sizes=()
runs=1
build=1
keep=0
hugo_max=200000
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) sizes+=(1000) ;;
    --runs) [ $# -ge 2 ] || die "--runs needs a number"; runs="$2"; shift ;;
    --runs=*) runs="${1#--runs=}" ;;
    --no-build) build=0 ;;
    --keep) keep=1 ;;
    --hugo-max) [ $# -ge 2 ] || die "--hugo-max needs a number"; hugo_max="$2"; shift ;;
    --hugo-max=*) hugo_max="${1#--hugo-max=}" ;;
    -h|--help) usage; exit 0 ;;
    -*) die "unknown option $1 (see --help)" ;;
    *) sizes+=("$1") ;;
  esac
  shift
done
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 50000)
for n in "${sizes[@]}"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || die "not a number of patrons: '$n'"
done
[[ "$hugo_max" =~ ^[0-9]+$ ]] || die "--hugo-max needs a number of pages, not '$hugo_max'"
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "--runs needs a positive number, not '$runs'"
[[ "$TODAY" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] || die "BENCH_TODAY must be YYYY-MM-DD, not '$TODAY'"
NEXT_DAY="$(date -u -d "$TODAY + 1 day" +%F 2>/dev/null)" || die "GNU date is needed: apt-get install coreutils"
NIGHT_DAY="$(date -u -d "$TODAY + 2 days" +%F)"
[[ "$SEED" =~ ^[0-9]+$ ]] || die "BENCH_SEED must be a number, not '$SEED'"

# ---------------------------------------------------------------- tools
need() { command -v "$1" >/dev/null 2>&1 || die "$1 is missing: $2"; }
[ $build -eq 0 ] || need swift "install Swift 6 (https://swift.org/install)"
need sqlite3 "apt-get install sqlite3"
need hugo "apt-get install hugo"
need awk "apt-get install mawk"
[ -x /usr/bin/time ] || die "/usr/bin/time is missing: apt-get install time"
/usr/bin/time -v -o /dev/null true 2>/dev/null \
  || die "/usr/bin/time does not support -v (GNU time needed): apt-get install time"
find /dev/null -maxdepth 0 -printf '' 2>/dev/null || die "GNU find is needed (-printf): apt-get install findutils"
need comm "apt-get install coreutils"
[ -d /dev/shm ] && [ -w /dev/shm ] || die "/dev/shm (the RAM disk) is missing or not writable"

# One benchmark at a time on this machine: they share the RAM disk folder.
locked=0
if command -v flock >/dev/null 2>&1; then
  exec 9>>"$LOCK_FILE"
  flock -n 9 || die "another benchmark is running (lock $LOCK_FILE)"
  locked=1
fi

# ---------------------------------------------------------------- RAM disk
failed_at=""
cleanup() {
  local status=$?
  if [ $status -ne 0 ] && [ -z "$failed_at" ]; then failed_at="(interrupted)"; fi
  if [ -f "$BENCH_DIR/results.md" ]; then
    if [ $status -ne 0 ]; then
      printf '\n**Incomplete: the benchmark failed at N = %s.**\n' "$failed_at" >>"$BENCH_DIR/results.md"
    fi
    cp "$BENCH_DIR/results.md" "$RESULTS_COPY" && echo "Results: $RESULTS_COPY" >&2
  fi
  if [ $keep -eq 1 ]; then
    echo "Kept $BENCH_DIR" >&2
  else
    rm -rf "$BENCH_DIR"
  fi
  [ $locked -eq 0 ] || rm -f "$LOCK_FILE"
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
rm -rf "$BENCH_DIR"
mkdir -p "$BENCH_DIR"

# ---------------------------------------------------------------- binary
if [ $build -eq 1 ]; then
  echo "== swift build -c release --product mediatheque" >&2
  swift build -c release --product mediatheque >&2
fi
BIN="$(swift build -c release --show-bin-path 2>/dev/null || echo "$ROOT/.build/release")/mediatheque"
[ -x "$BIN" ] || die "no release binary at $BIN (run without --no-build)"

# ---------------------------------------------------------------- helpers
# measure LOG CMD...: runs CMD under GNU time; sets WALL (s) and RSS_MB.
measure() {
  local log="$1"; shift
  local t0 t1
  t0=$(date +%s%N)
  if ! /usr/bin/time -v -o "$log.time" "$@" >"$log" 2>&1; then
    echo "benchmark: command failed: $*" >&2
    tail -n 30 "$log" >&2
    return 1
  fi
  t1=$(date +%s%N)
  WALL=$(calc "printf \"%.3f\", ($t1 - $t0) / 1e9")
  RSS_MB=$(LC_ALL=C awk -F': *' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$log.time")
  [ -n "$RSS_MB" ] || die "no 'Maximum resident set size' in $log.time"
}

# snapshot DIR FILE: one line per file, "<inode> <mtime> <size> <path>", sorted.
snapshot() { find "$1" -type f -printf '%i %T@ %s %P\n' | LC_ALL=C sort >"$2"; }
# changed OLD NEW: number of files of NEW that are new or rewritten.
changed() { LC_ALL=C comm -13 "$1" "$2" | wc -l | tr -d ' '; }
# changed_mb OLD NEW: their size, in MB.
changed_mb() { LC_ALL=C comm -13 "$1" "$2" | LC_ALL=C awk '{ s += $3 } END { printf "%.1f", s / 1048576 }'; }
# folders LOG: the patron folders a build rendered ("P patrons" less "K patron folders kept"), and
# how many of those kept their summary ("S summaries kept").
folders() { LC_ALL=C awk '/^Built / { for (i = 1; i <= NF; i++) { if ($(i) ~ /^patrons/) p = $(i - 1); if ($(i) == "folders" && $(i + 1) == "kept") k = $(i - 2); if ($(i) == "summaries" && $(i + 1) == "kept") s = $(i - 1) } } END { if (p != "") printf "%d of %d folders rendered (%d of them but for their summary)", p - k, p, s }' "$1"; }
# summary LOG: the build's own "W written, U unchanged", if it printed one.
summary() { grep -o '[0-9]* written, [0-9]* unchanged' "$1" | tail -n 1 || true; }

# avg_kb: the mean of sizes in bytes (one a line), in KB.
avg_kb() { LC_ALL=C awk '{ s += $1; n++ } END { printf "%.1f", n ? s / n / 1024 : 0 }'; }

# ratio A B: A / B, 3 decimals.
ratio() { calc "printf \"%.3f\", $1 / ($2 > 0 ? $2 : 0.001)"; }

# median V...: the median of numbers.
median() {
  printf '%s\n' "$@" | LC_ALL=C sort -g | LC_ALL=C awk '
    { v[NR] = $1 }
    END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Rows of the tables, tab-separated; rendered at the end of each size.
MAIN_TSV="$BENCH_DIR/main.tsv"
KINDS_TSV="$BENCH_DIR/kinds.tsv"
HUGO_TSV="$BENCH_DIR/hugo.tsv"
printf 'N\tscenario\twall (s)\tpeak RSS (MB)\tfiles written\tvs clean\tnotes\n' >"$MAIN_TSV"
printf 'N\tkind\tfiles\tMB\tfiles/s\n' >"$KINDS_TSV"
printf 'N\tour build\tour HTML pages\tavg KB\tour wall (s)\tour HTML pages/s\tour peak RSS (MB)\tHugo pages\tavg KB\tHugo wall (s)\tHugo pages/s\tHugo peak RSS (MB)\tours / Hugo\n' >"$HUGO_TSV"
row() { local f="$1"; shift; (IFS=$'\t'; echo "$*") >>"$f"; }

# Renders a TSV as an aligned text table (stdout).
text_table() {
  LC_ALL=C awk -F'\t' '
    { for (i = 1; i <= NF; i++) { c[NR, i] = $i; if (length($i) > w[i]) w[i] = length($i) } if (NF > nf) nf = NF }
    END {
      for (r = 1; r <= NR; r++) {
        line = ""
        for (i = 1; i <= nf; i++) line = line sprintf(i == nf ? "%s" : "%-" w[i] "s  ", c[r, i])
        print line
        if (r == 1) { line = ""; for (i = 1; i <= nf; i++) { s = ""; for (k = 0; k < w[i]; k++) s = s "-"; line = line s (i == nf ? "" : "  ") } print line }
      }
    }' "$1"
}
# Renders a TSV as a Markdown table (stdout).
md_table() {
  LC_ALL=C awk -F'\t' '
    { line = "|"; for (i = 1; i <= NF; i++) line = line " " $i " |"; print line
      if (NR == 1) { line = "|"; for (i = 1; i <= NF; i++) line = line ((i <= 2 || $i == "notes") ? " --- |" : " ---: |"); print line } }' "$1"
}

machine() {
  local cpu mem
  cpu=$(LC_ALL=C awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
  mem=$(LC_ALL=C awk '/^MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo 2>/dev/null || true)
  echo "$(nproc) cores${cpu:+ ($cpu)}, ${mem:-? GB}, $(uname -sr)"
}
COMMIT="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [ -n "$(git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null)" ]; then COMMIT="$COMMIT (modified)"; fi
SWIFT_VERSION="$(swift --version 2>/dev/null | head -n 1 || echo unknown)"
HUGO_VERSION="$(hugo version 2>/dev/null | awk '{ print $2 }')"
STARTED="$(date -u +'%Y-%m-%d %H:%M UTC')"

write_results() {
  {
    echo "# mediatheque benchmark"
    echo
    echo "- run: $STARTED on $(machine), load average at the end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
    echo "- commit: $COMMIT; $SWIFT_VERSION; Hugo $HUGO_VERSION"
    echo "- data: \`mediatheque generate --seed $SEED --today $TODAY\`; builds with \`--today $TODAY\`, everything on $BENCH_DIR (tmpfs)"
    echo "- timings: median of $runs run(s); peak RSS = GNU time's \"Maximum resident set size\""
    echo
    echo "## Scenarios"
    echo
    md_table "$MAIN_TSV"
    echo
    echo "## Clean build: files by kind"
    echo
    md_table "$KINDS_TSV"
    echo
    echo "## Against Hugo (same number of HTML pages, same machine, same run)"
    echo
    md_table "$HUGO_TSV"
    echo
    echo "Our pages per second are the HTML files divided by the build's whole wall time. The whole build"
    echo "also writes the calendars, feeds, JSON and PDF files; the pages-only build (\`--pages-only\`) writes"
    echo "the HTML pages alone, as Hugo does, and reads the same inputs."
  } >"$BENCH_DIR/results.md"
}

# Writes a Hugo site of PAGES pages (home + one section list + PAGES - 2 pages).
hugo_site() {
  local src="$1" pages="$2"
  local singles=$((pages - 2))
  [ $singles -ge 1 ] || singles=1
  mkdir -p "$src/content/comptes" "$src/layouts/_default" "$src/static"
  cat >"$src/config.toml" <<'EOF'
baseURL = "https://mediatheques.example.org/"
languageCode = "fr"
title = "Médiathèques de Saint-Étienne"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
relativeURLs = true
buildFuture = true
buildExpired = true
enableGitInfo = false
EOF
  cat >"$src/layouts/_default/baseof.html" <<'EOF'
<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{{ .Title }} — {{ .Site.Title }}</title>
<link rel="stylesheet" href="{{ "assets/style.css" | relURL }}">
</head>
<body>
<a class="skip-link" href="#contenu">Aller au contenu</a>
<header class="site-header">
<p class="site-name"><a href="{{ "index.html" | relURL }}">{{ .Site.Title }}</a></p>
<nav class="site-nav" aria-label="Navigation principale">
<ul>
<li><a href="{{ "index.html" | relURL }}">Accueil</a></li>
<li><a href="{{ "comptes/index.html" | relURL }}">Comptes</a></li>
</ul>
</nav>
</header>
<main id="contenu">
{{ block "main" . }}{{ end }}
</main>
<footer class="site-footer">
<p>{{ .Site.Title }} — situation au {{ .Date.Format "02/01/2006" }}</p>
</footer>
</body>
</html>
EOF
  cat >"$src/layouts/_default/single.html" <<'EOF'
{{ define "main" }}
<article class="account">
<h1>{{ .Title }}</h1>
<p class="lead">{{ .Params.lead }}</p>
<div class="table-wrap">
<table class="loans-table">
<thead>
<tr><th scope="col">Titre</th><th scope="col">Retour le</th><th scope="col">Emprunté à</th><th scope="col">État</th></tr>
</thead>
<tbody>
{{ range .Params.loans }}<tr><td data-label="Titre">{{ .title }}</td><td data-label="Retour le"><time>{{ .due }}</time></td><td data-label="Emprunté à">{{ .site }}</td><td data-label="État">{{ .state }}</td></tr>
{{ end }}</tbody>
</table>
</div>
{{ .Content }}
</article>
{{ end }}
EOF
  cat >"$src/layouts/_default/list.html" <<'EOF'
{{ define "main" }}
<h1>{{ .Title }}</h1>
<p>{{ len .Pages }} pages.</p>
<ul>
{{ range first 20 .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul>
{{ end }}
EOF
  # One awk process writes every page.
  LC_ALL=C awk -v n="$singles" -v dir="$src/content/comptes" -v today="$TODAY" 'BEGIN {
    split("Aurore Yuki Mehdi Chloé Ibrahim Lucie Tomás Anh Ewa Karim Nour Zoé Olek", first, " ")
    split("Le Rouge et le Noir|Les Misérables|Vingt mille lieues sous les mers|Madame Bovary|Germinal|Le Petit Prince|L’Étranger|Nana|Candide|Bel-Ami|La Peste|Les Fleurs du mal", titles, "|")
    split("Tarentaize|Carnot|Côte-Chaude|Montreynaud|Solaure|Terrenoire|La Cotonne|Tréfilerie", sites, "|")
    split("En cours|À rendre demain|En retard|Prolongé", states, "|")
    seed = 42  # a small linear congruential generator (exact in doubles)
    for (i = 1; i <= n; i++) {
      f = sprintf("%s/p%07d.md", dir, i)
      seed = (seed * 69069 + 1) % 4294967296
      name = first[int(seed / 65536) % 13 + 1]
      loans = seed % 9 + 1; holds = int(seed / 7) % 5
      printf "---\ntitle: \"Bonjour %s\"\ndate: %s\nlead: \"Vous avez emprunté %d documents et réservé %d documents.\"\nloans:\n", name, today, loans, holds > f
      for (k = 0; k < 3; k++) {
        printf "  - title: \"%s\"\n    due: \"%02d/04/2025\"\n    site: \"%s\"\n    state: \"%s\"\n", titles[(seed + k * 5) % 12 + 1], (seed + k) % 28 + 1, sites[(seed + k) % 8 + 1], states[(seed + k) % 4 + 1] > f
      }
      printf "---\n\n" > f
      printf "Bonjour %s, voici **votre compte en bref** au %s : %d prêts, dont %d à rendre cette semaine, et %d réservations. Vous pouvez prolonger un prêt deux fois, sauf si le document est réservé par un autre lecteur.\n\n", name, today, loans, seed % 3, holds > f
      printf "Les documents en retard bloquent la carte au-delà de [trois semaines](../../aide/). Pensez à rendre *%s* à la médiathèque de %s ; les réservations disponibles vous attendent dix jours à l’accueil.\n", titles[seed % 12 + 1], sites[seed % 8 + 1] > f
      close(f)
    }
  }'
  printf -- '---\ntitle: "Comptes"\n---\n' >"$src/content/comptes/_index.md"
  printf -- '---\ntitle: "Accueil"\n---\n' >"$src/content/_index.md"
}

# ---------------------------------------------------------------- sizes
echo "== $(machine); commit $COMMIT; $runs run(s) per scenario; sizes: ${sizes[*]}" >&2
# rebuild NAME LABEL DATABASE BUILD_ARGS...: one timed build of size $N's scenario into $OUT, its log
# $W/logs/NAME.log, its wall time and memory added to NAME_w and NAME_m, its tree's snapshot
# $W/NAME.snap.
rebuild() {
  local name=$1 label=$2 database=$3
  shift 3
  local -n walls="${name}_w" memories="${name}_m"
  echo "== N=$N: $label (run $r/$runs)" >&2
  measure "$W/logs/$name.log" "$BIN" build --database "$database" --agenda "$AGENDA" "$@"
  walls+=("$WALL"); memories+=("$RSS_MB")
  snapshot "$OUT" "$W/$name.snap"
}
for N in "${sizes[@]}"; do
  failed_at="$N"
  # tmpfs counts every hard link against its inodes, and a rebuild holds two bundles' links
  # (the published one and the staged one): about 60 per patron, 3.0 million at 50,000.
  free_inodes=$(df --output=iavail "$BENCH_DIR" | tail -1 | tr -d ' ')
  [ "$free_inodes" -ge $((N * 60)) ] \
    || die "N=$N needs about $((N * 60)) free inodes on $(df --output=target "$BENCH_DIR" | tail -1), it has $free_inodes: empty it of other files"
  W="$BENCH_DIR/n$N"
  mkdir -p "$W/data" "$W/logs"
  OUT="$W/site"
  build_args=(--site "$ROOT/Site" --templates "$ROOT/Templates" --out "$OUT" --today "$TODAY")
  next_args=(--site "$ROOT/Site" --templates "$ROOT/Templates" --out "$OUT" --today "$NEXT_DAY")
  night_args=(--site "$ROOT/Site" --templates "$ROOT/Templates" --out "$OUT" --today "$NIGHT_DAY")

  # 1. generate (not counted)
  echo "== N=$N: generate" >&2
  measure "$W/logs/generate.log" "$BIN" generate --patrons "$N" --seed "$SEED" --today "$TODAY" --out "$W/data"
  DB="$W/data/accounts.sqlite"; AGENDA="$W/data/agenda.xml"
  [ -f "$DB" ] && [ -f "$AGENDA" ] || die "generate wrote no accounts.sqlite/agenda.xml in $W/data"
  inputs=$(calc "printf \"accounts.sqlite %.1f MB, agenda.xml %.0f KB (not counted)\", $(stat -c %s "$DB") / 1048576, $(stat -c %s "$AGENDA") / 1024")
  row "$MAIN_TSV" "$N" "generate" "$WALL" "$RSS_MB" "" "" "$inputs"

  # The database with one patron's loans changed.
  DB2="$W/data/accounts-1-patron.sqlite"
  cp "$DB" "$DB2"
  card=$(sqlite3 "$DB2" "SELECT patron_card FROM loan WHERE returned_on IS NULL ORDER BY patron_card LIMIT 1;")
  [ -n "$card" ] || die "no open loan in the generated database"
  moved=$(sqlite3 "$DB2" "UPDATE loan SET due_on = date(due_on, '+7 days') WHERE patron_card = '$card' AND returned_on IS NULL; SELECT changes();")
  [ "${moved:-0}" -gt 0 ] || die "the update changed no loan of patron $card"

  # The night after: the database of the day before, changed as scripts/next-night.sql says.
  DBN="$W/data/accounts-night.sqlite"
  cp "$DB2" "$DBN"
  sqlite3 "$DBN" ".parameter set @today \"'$NIGHT_DAY'\"" ".read $ROOT/scripts/next-night.sql"
  acting=$(sqlite3 "$DBN" "SELECT count(*) FROM patron WHERE substr(card_number, -2) IN ('07', '57');")
  # The same night, once the day's new documents are catalogued.
  DBC="$W/data/accounts-acquisitions.sqlite"
  cp "$DBN" "$DBC"
  sqlite3 "$DBC" ".parameter set @today \"'$NIGHT_DAY'\"" ".read $ROOT/scripts/next-night-catalogue.sql"
  catalogued=$(sqlite3 "$DBC" "SELECT count(*) FROM document WHERE added_on = '$NIGHT_DAY';")

  clean_w=(); clean_m=(); first_w=(); first_m=(); noop_w=(); noop_m=(); one_w=(); one_m=(); next_w=(); next_m=(); night_w=(); night_m=()
  acq_w=(); acq_m=()
  pages_w=(); pages_m=()
  hugo_w=(); hugo_m=()
  PAGES_OUT="$W/pages-site"
  H="$W/hugo"
  for r in $(seq 1 "$runs"); do
    # 2. clean build
    rm -rf "$OUT" "$OUT".staging-* "$OUT".replaced-* "$OUT".previous
    rebuild clean "clean build" "$DB" "${build_args[@]}"
    # 3. no-op rebuilds: the first after a clean build, then one from the previous bundle
    rebuild first "first no-op rebuild, no previous bundle" "$DB" "${build_args[@]}"
    rebuild noop "no-op rebuild" "$DB" "${build_args[@]}"
    # 4. one patron's loans changed
    rebuild one "rebuild after one patron's loans changed" "$DB2" "${build_args[@]}"
    # 5. the next day, same data
    rebuild next "rebuild for the next day" "$DB2" "${next_args[@]}"
    # 5b. the night after, 2% of the patrons changed
    rebuild night "nightly rebuild, the night after, 2% of the patrons changed" "$DBN" "${night_args[@]}"
    # 5c. the same night's acquisitions, over 5b's bundle
    rebuild acq "the night's acquisitions, $catalogued documents catalogued" "$DBC" "${night_args[@]}"

    # 6. pages only, clean (the bundle the nightly build replaced is no longer needed: at
    #    50,000 patrons, the RAM disk has no room, nor inodes, for it beside the pages-only build)
    rm -rf "$OUT".previous
    echo "== N=$N: pages-only build (run $r/$runs)" >&2
    rm -rf "$PAGES_OUT" "$PAGES_OUT".staging-* "$PAGES_OUT".replaced-* "$PAGES_OUT".previous
    measure "$W/logs/pages.log" "$BIN" build --database "$DB" --agenda "$AGENDA" --pages-only \
      --site "$ROOT/Site" --templates "$ROOT/Templates" --out "$PAGES_OUT" --today "$TODAY"
    pages_w+=("$WALL"); pages_m+=("$RSS_MB")

    # 7. Hugo (up to --hugo-max pages), right after our pages-only build: this machine's speed
    #    drifts over minutes, and each pair of runs sees it alike.
    [ "$r" -gt 1 ] || html=$(grep -c '\.html$' "$W/clean.snap" || true)
    if [ "$html" -le "$hugo_max" ]; then
      if [ "$r" -eq 1 ]; then
        echo "== N=$N: Hugo site of $html pages" >&2
        hugo_site "$H/src" "$html"
      fi
      echo "== N=$N: hugo (run $r/$runs)" >&2
      rm -rf "$H/public" "$H/cache"
      measure "$W/logs/hugo.log" hugo --quiet --source "$H/src" --destination "$H/public" --cacheDir "$H/cache"
      hugo_w+=("$WALL"); hugo_m+=("$RSS_MB")
    fi
  done

  # Counts from the last run.
  total_files=$(wc -l <"$W/clean.snap" | tr -d ' ')
  first_written=$(changed "$W/clean.snap" "$W/first.snap")
  noop_written=$(changed "$W/first.snap" "$W/noop.snap")
  [ "$first_written" -eq 0 ] || echo "benchmark: warning: the first no-op rebuild rewrote $first_written files" >&2
  one_written=$(changed "$W/noop.snap" "$W/one.snap")
  [ "$noop_written" -eq 0 ] || echo "benchmark: warning: the no-op rebuild rewrote $noop_written files" >&2

  cw=$(median "${clean_w[@]}"); cm=$(median "${clean_m[@]}")
  fw=$(median "${first_w[@]}"); fm=$(median "${first_m[@]}")
  nw=$(median "${noop_w[@]}"); nm=$(median "${noop_m[@]}")
  ow=$(median "${one_w[@]}"); om=$(median "${one_m[@]}")
  xw=$(median "${next_w[@]}"); xm=$(median "${next_m[@]}")
  gw=$(median "${night_w[@]}"); gm=$(median "${night_m[@]}")
  aw=$(median "${acq_w[@]}"); am=$(median "${acq_m[@]}")
  pw=$(median "${pages_w[@]}"); pm=$(median "${pages_m[@]}")
  pages_html=$(find "$PAGES_OUT" -type f -name '*.html' | wc -l | tr -d ' ')
  pages_files=$(find "$PAGES_OUT" -type f | wc -l | tr -d ' ')
  rm -rf "$PAGES_OUT"
  [ "$pages_html" -eq "$(find "$OUT" -type f -name '*.html' | wc -l | tr -d ' ')" ] \
    || echo "benchmark: warning: the pages-only build wrote $pages_html HTML pages, the whole build another number" >&2
  next_written=$(changed "$W/one.snap" "$W/next.snap")
  night_written=$(changed "$W/next.snap" "$W/night.snap"); night_mb=$(changed_mb "$W/next.snap" "$W/night.snap")
  acq_written=$(changed "$W/night.snap" "$W/acq.snap"); acq_mb=$(changed_mb "$W/night.snap" "$W/acq.snap")
  tree_mb=$(find "$OUT" -type f -printf '%s\n' | LC_ALL=C awk '{ s += $1 } END { printf "%.1f", s / 1048576 }')
  s_clean=$(summary "$W/logs/clean.log"); s_first=$(summary "$W/logs/first.log"); s_noop=$(summary "$W/logs/noop.log"); s_one=$(summary "$W/logs/one.log"); s_next=$(summary "$W/logs/next.log"); s_night=$(summary "$W/logs/night.log"); s_acq=$(summary "$W/logs/acq.log")
  row "$MAIN_TSV" "$N" "clean build" "$cw" "$cm" "$total_files" "1.000" "$total_files files, $tree_mb MB${s_clean:+; build: $s_clean}"
  row "$MAIN_TSV" "$N" "no-op, first after clean" "$fw" "$fm" "$first_written" "$(ratio "$fw" "$cw")" "no previous bundle to start from${s_first:+; build: $s_first}"
  row "$MAIN_TSV" "$N" "no-op rebuild" "$nw" "$nm" "$noop_written" "$(ratio "$nw" "$cw")" "from the previous bundle${s_noop:+; build: $s_noop}"
  row "$MAIN_TSV" "$N" "1 patron changed" "$ow" "$om" "$one_written" "$(ratio "$ow" "$cw")" "$moved open loans of $card due 7 days later${s_one:+; build: $s_one}"
  row "$MAIN_TSV" "$N" "next day" "$xw" "$xm" "$next_written" "$(ratio "$xw" "$cw")" "same data, --today $NEXT_DAY: $(folders "$W/logs/next.log")${s_next:+; build: $s_next}"
  row "$MAIN_TSV" "$N" "nightly" "$gw" "$gm" "$night_written" "$(ratio "$gw" "$cw")" "--today $NIGHT_DAY, $acting patrons acted (scripts/next-night.sql): $(folders "$W/logs/night.log"), $night_mb MB written${s_night:+; build: $s_night}"
  row "$MAIN_TSV" "$N" "acquisitions" "$aw" "$am" "$acq_written" "$(ratio "$aw" "$cw")" "the same night, $catalogued documents catalogued (scripts/next-night-catalogue.sql): $(folders "$W/logs/acq.log"), $acq_mb MB written${s_acq:+; build: $s_acq}"
  row "$MAIN_TSV" "$N" "pages only" "$pw" "$pm" "$pages_files" "$(ratio "$pw" "$cw")" "--pages-only, clean: $pages_html HTML pages, no PDF, calendar, feed or export"

  # Files by kind (by extension) in the clean build's tree.
  find "$OUT" -type f -printf '%f %s\n' >"$W/kinds.list"
  LC_ALL=C awk -v n="$N" -v wall="$cw" '
    { name = tolower($1); size = $2; ext = name; sub(/^.*\./, "", ext); if (index(name, ".") == 0) ext = ""
      kind = (ext == "html" || ext == "htm") ? "HTML" : (ext == "ics") ? "ICS" : (ext == "rss") ? "RSS" : (ext == "json") ? "JSON" : (ext == "pdf") ? "PDF" : "other"
      c[kind]++; b[kind] += size; t++; tb += size }
    END {
      split("HTML ICS RSS JSON PDF other", kinds, " ")
      for (i = 1; i <= 6; i++) { k = kinds[i]
        printf "%s\t%s\t%d\t%.1f\t%.0f\n", n, k, c[k], b[k] / 1048576, c[k] / wall }
      printf "%s\t%s\t%d\t%.1f\t%.0f\n", n, "total", t, tb / 1048576, t / wall
    }' "$W/kinds.list" >>"$KINDS_TSV"
  [ "$html" -eq "$(LC_ALL=C awk -F'\t' -v n="$N" '$1 == n && $2 == "HTML" { print $3 }' "$KINDS_TSV")" ] \
    || echo "benchmark: warning: the clean build and the last build have different numbers of HTML pages" >&2
  html_kb=$(LC_ALL=C awk '$1 ~ /\.html?$/ { print $2 }' "$W/kinds.list" | avg_kb)

  # 5. Hugo with as many pages as our HTML files (up to --hugo-max)
  ours_rate=$(calc "printf \"%.0f\", $html / $cw")
  pages_rate=$(calc "printf \"%.0f\", $pages_html / $pw")
  if [ "$html" -gt "$hugo_max" ]; then
    echo "== N=$N: Hugo skipped ($html pages > --hugo-max $hugo_max)" >&2
    row "$HUGO_TSV" "$N" "whole" "$html" "$html_kb" "$cw" "$ours_rate" "$cm" "skipped (> $hugo_max pages)" "-" "-" "-" "-" "-"
    row "$HUGO_TSV" "$N" "pages only" "$pages_html" "$html_kb" "$pw" "$pages_rate" "$pm" "skipped (> $hugo_max pages)" "-" "-" "-" "-" "-"
  else
    hugo_pages=$(find "$H/public" -type f -name '*.html' | wc -l | tr -d ' ')
    hugo_kb=$(find "$H/public" -type f -name '*.html' -printf '%s\n' | avg_kb)
    hugo_other=$(find "$H/public" -type f ! -name '*.html' | wc -l | tr -d ' ')
    [ "$hugo_pages" -eq "$html" ] || echo "benchmark: warning: Hugo wrote $hugo_pages HTML pages, we wrote $html" >&2
    hw=$(median "${hugo_w[@]}"); hm=$(median "${hugo_m[@]}")
    hugo_rate=$(calc "printf \"%.0f\", $hugo_pages / $hw")
    vs=$(calc "printf \"%.2f\", ($html / $cw) / ($hugo_pages / $hw)")
    pages_vs=$(calc "printf \"%.2f\", ($pages_html / $pw) / ($hugo_pages / $hw)")
    row "$MAIN_TSV" "$N" "hugo" "$hw" "$hm" "$((hugo_pages + hugo_other))" "$(ratio "$hw" "$cw")" "Hugo $HUGO_VERSION, $hugo_pages HTML pages"
    row "$HUGO_TSV" "$N" "whole" "$html" "$html_kb" "$cw" "$ours_rate" "$cm" "$hugo_pages" "$hugo_kb" "$hw" "$hugo_rate" "$hm" "$vs"
    row "$HUGO_TSV" "$N" "pages only" "$pages_html" "$html_kb" "$pw" "$pages_rate" "$pm" "$hugo_pages" "$hugo_kb" "$hw" "$hugo_rate" "$hm" "$pages_vs"
  fi

  write_results
  # Free the RAM disk before the next size.
  [ $keep -eq 1 ] || rm -rf "$W"
done
failed_at=""

echo
echo "Scenarios (wall time: median of $runs run(s); vs clean = wall / clean build's wall)"
text_table "$MAIN_TSV"
echo
echo "Clean build: files by kind (files/s = count / clean build's wall time)"
text_table "$KINDS_TSV"
echo
echo "Against Hugo (same number of HTML pages; ours / Hugo = our HTML pages/s over Hugo's pages/s)"
text_table "$HUGO_TSV"
