#!/usr/bin/env python3
"""Audits built bundles in a real browser (Chromium through Selenium), as a patron
meets them on a computer (1280 px wide) and on a phone (390 px):

- axe-core 4.x (tags wcag2a, wcag2aa, wcag21a, wcag21aa): no violation;
- on the phone, every table cell one can see is labelled, by a column header in
  view above it or by a label of its own (the `::before` of `data-label`);
- no table is wider than the screen unless it scrolls in a labelled, focusable
  container, and no page scrolls sideways;
- the skip link, once focused, shows whole, its outline inside the screen; in print,
  the refusal mark "!" is dark (printers leave backgrounds out);
- no word of 24 characters or fewer is split across lines (each word is measured
  with Range.getClientRects()). In a run of 24 characters or fewer between spaces,
  each word Unicode's word boundaries find (Intl.Segmenter), each date (29/11/2026)
  and each time (19:00) must stay on one line: a break at a hyphen or a slash between
  words ("8-12 ans", "et/ou") is a line break, not a split word. A longer run (an
  e-mail address, a URL) must break somewhere, and Chinese and Japanese break between
  any two characters: they are not measured.

    Tests/Validators/audit_pages.py --screenshots DIR NAME=BUNDLE [NAME=BUNDLE...]
    Tests/Validators/audit_pages.py --check     # exit 0 if every tool is there

Each BUNDLE holds public/ and private/ (a built bundle). It is served on
127.0.0.1, on a free port, public/ at / and private/ under /espace/, by a server
this script starts and stops. Every page type is visited: the public pages
(home, agenda, month, library, category, event, accessibility statement, search,
404; for each type, the largest page) and, in the richest and the poorest patron folders,
every private page. One browser session visits them all. A full-page screenshot
of each page at each width is saved in DIR as NAME-PAGE-WIDTH.png.

Needs python3 with selenium, Chromium and its driver (Debian: chromium,
chromium-driver; CHROMIUM and CHROMEDRIVER may name others), and axe.min.js from
the axe-playwright-python package (AXE_JS may name another axe.min.js).

Exit status: 0 no problem, 1 problems found (one line each on stdout), 2 bad
usage, 77 a tool is missing.
"""
import base64
import glob
import http.server
import importlib.util
import json
import os
import shutil
import sys
import threading

MISSING = 77
WIDTHS = [(1280, 900, False), (390, 844, True)]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PRIVATE_PATH = "/espace/"
# The public page types, each a glob under public/: the largest file of each is visited.
PUBLIC_PAGES = [
    ("accueil", "index.html"),
    ("agenda", "agenda/index.html"),
    ("mois", "agenda/mois/*/index.html"),
    ("lieu", "agenda/lieux/*/index.html"),
    ("categorie", "agenda/categories/*/index.html"),
    ("animation", "agenda/*/index.html"),
    ("accessibilite", "accessibilite/index.html"),
    ("recherche", "recherche/index.html"),
    ("404", "404.html"),
]
# The private page types, each a glob under a patron's folder.
PRIVATE_PAGES = [
    ("compte", "index.html"), ("prets", "prets.html"), ("reservations", "reservations.html"),
    ("historique", "historique.html"), ("favoris", "favoris/index.html"), ("etagere", "favoris/[0-9]*.html"),
    ("avis", "avis.html"), ("inscriptions", "inscriptions.html"), ("recherches", "recherches.html"),
    ("profil", "profil.html"), ("synthese", "synthese.html"),
]
NOT_LISTINGS = {"mois", "lieux", "categories"}

# Runs in the page: the layout checks. Returns a list of problems (strings).
LAYOUT_CHECKS = r"""
const phone = arguments[0];
const problems = [];
const width = document.documentElement.clientWidth;
const describe = (el) => {
  const text = (el.textContent || '').replace(/\s+/g, ' ').trim();
  const name = el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '');
  return name + ' "' + (text.length > 60 ? text.slice(0, 60) + '…' : text) + '"';
};
const shown = (el) => {
  const box = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  return box.width >= 1 && box.height >= 1 && style.visibility !== 'hidden' && style.display !== 'none';
};
if (document.documentElement.scrollWidth > width + 1) {
  problems.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + ' px wide on a ' + width + ' px screen');
}
for (const table of document.querySelectorAll('table')) {
  if (!shown(table)) continue;
  const box = table.getBoundingClientRect();
  if (box.width > width + 1) {
    let scroller = null;
    for (let el = table.parentElement; el && el !== document.body; el = el.parentElement) {
      const overflow = getComputedStyle(el).overflowX;
      if (overflow === 'auto' || overflow === 'scroll') { scroller = el; break; }
    }
    const fits = scroller && scroller.getBoundingClientRect().width <= width + 1;
    const labelled = scroller && (scroller.getAttribute('aria-label') || scroller.getAttribute('aria-labelledby'));
    const focusable = scroller && scroller.tabIndex >= 0;
    if (!(fits && labelled && focusable)) {
      problems.push('a table ' + Math.round(box.width) + ' px wide on a ' + width +
                    ' px screen is not in a labelled, focusable scroll container: ' + describe(table.caption || table));
    }
  }
  if (!phone) continue;
  const headers = table.tHead && table.tHead.rows.length ? table.tHead.rows[table.tHead.rows.length - 1].cells : [];
  for (const row of table.tBodies.length ? [...table.tBodies].flatMap((b) => [...b.rows]) : []) {
    for (const cell of row.cells) {
      if (cell.tagName !== 'TD' || !shown(cell)) continue;
      const cellBox = cell.getBoundingClientRect();
      const header = headers[cell.cellIndex];
      if (header && shown(header) && !header.closest('.visually-hidden')) {
        const h = header.getBoundingClientRect();
        if (h.right > 0 && h.left < width && h.left < cellBox.right && h.right > cellBox.left && h.bottom <= cellBox.top + 1) continue;
      }
      const before = getComputedStyle(cell, '::before');
      const label = before.content;
      if (before.display === 'none' || !label || label === 'none' || label === 'normal' || label === '""') {
        problems.push('a cell with no label in view: ' + describe(cell) + ' in ' + describe(table.caption || table));
      }
    }
  }
}
const ideographic = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const segmenter = new Intl.Segmenter('fr', {granularity: 'word'});
const words = (text) => {
  const found = [];
  for (const s of segmenter.segment(text)) if (s.isWordLike) found.push([s.index, s.segment]);
  for (const m of text.matchAll(/\d{1,2}\/\d{1,2}\/\d{4}|\d{1,2}:\d{2}/g)) found.push([m.index, m[0]]);
  return found;
};
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
const range = document.createRange();
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  const parent = node.parentElement;
  if (!parent || parent.closest('script, style, .visually-hidden')) continue;
  for (const run of node.data.matchAll(/\S+/gu)) {
    if ([...run[0]].length > 24 || ideographic.test(run[0])) continue;
    for (const [index, word] of words(run[0])) {
      range.setStart(node, run.index + index);
      range.setEnd(node, run.index + index + word.length);
      const boxes = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
      if (boxes.some((a) => boxes.some((b) => b.top >= a.bottom - 1))) {
        problems.push('a word split across lines: "' + word + '" in ' + describe(parent));
      }
    }
  }
}
return problems;
"""

# Runs in the page: what the keyboard and the printer see. Returns a list of problems.
FOCUS_AND_PRINT_CHECKS = r"""
const problems = [];
const skip = document.activeElement;
if (!skip || !skip.classList.contains('skip-link')) {
  problems.push('the first Tab does not reach the skip link');
} else {
  const box = skip.getBoundingClientRect();
  const style = getComputedStyle(skip);
  const outline = parseFloat(style.outlineWidth || '0') + parseFloat(style.outlineOffset || '0');
  if (box.top - outline < 0 || box.left - outline < 0) problems.push('the focused skip link is cut at the top or left');
}
return problems;
"""

PRINTED_MARK = r"""
const mark = document.querySelector('.refusal-mark');
if (!mark) return [];
const [r, g, b] = getComputedStyle(mark).color.match(/\d+/g).map(Number);
return 0.2126 * r + 0.7152 * g + 0.0722 * b > 128 ? ['the refusal mark "!" is too light to print: ' + getComputedStyle(mark).color] : [];
"""

AXE_RUN = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
  .then((result) => done(result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' '))}))))
  .catch((error) => done([{id: 'axe-error', impact: 'critical', help: String(error), nodes: []}]));
"""


def tools():
    """The paths of chromium, chromedriver and axe.min.js, and whether selenium imports: what is missing."""
    found, missing = {}, []
    found["chromium"] = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    found["chromedriver"] = os.environ.get("CHROMEDRIVER") or shutil.which("chromedriver")
    axe = os.environ.get("AXE_JS")
    if not axe:
        spec = importlib.util.find_spec("axe_playwright_python")  # located, never imported (it needs playwright)
        axe = spec and spec.origin and os.path.join(os.path.dirname(spec.origin), "axe.min.js")
    found["axe.min.js"] = axe if axe and os.path.isfile(axe) else None
    found["selenium"] = importlib.util.find_spec("selenium") is not None
    for name, value in found.items():
        if not value:
            missing.append(name)
    return found, missing


class BundleServer:
    """One bundle on 127.0.0.1, on a free port: public/ at /, private/ under /espace/."""

    def __init__(self, bundle):
        public, private = os.path.join(bundle, "public"), os.path.join(bundle, "private")

        class Handler(http.server.SimpleHTTPRequestHandler):
            def translate_path(self, path):
                self.directory = public
                if path.startswith(PRIVATE_PATH):
                    self.directory, path = private, "/" + path[len(PRIVATE_PATH):]
                return super().translate_path(path)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.root = f"http://127.0.0.1:{self.server.server_address[1]}"

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


def largest(paths):
    return max(paths, key=lambda p: (os.path.getsize(p), p)) if paths else None


def pages_of(bundle):
    """(name, path under the bundle, URL path) of every page type to visit."""
    public, private = os.path.join(bundle, "public"), os.path.join(bundle, "private")
    pages = []
    for name, pattern in PUBLIC_PAGES:
        paths = glob.glob(os.path.join(public, pattern))
        if name == "animation":
            paths = [p for p in paths if os.path.basename(os.path.dirname(p)) not in NOT_LISTINGS]
        path = largest(paths)
        if path:
            pages.append((name, path, "/" + os.path.relpath(path, public)))
    folders = [d for d in sorted(glob.glob(os.path.join(private, "*"))) if os.path.isdir(d) and os.path.basename(d) != "assets"]
    size = lambda d: sum(os.path.getsize(p) for p in glob.glob(os.path.join(d, "**", "*.html"), recursive=True))
    chosen = []
    if folders:
        chosen.append(("riche", max(folders, key=lambda d: (size(d), d))))
        poorest = min(folders, key=lambda d: (size(d), d))
        if poorest != chosen[0][1]:
            chosen.append(("vide", poorest))
    for label, folder in chosen:
        for name, pattern in PRIVATE_PAGES:
            path = largest(glob.glob(os.path.join(folder, pattern)))
            if path:
                pages.append((f"{label}-{name}", path, PRIVATE_PATH + os.path.relpath(path, private)))
    return pages


def screenshot(driver, path):
    height = driver.execute_script("return Math.min(document.documentElement.scrollHeight, 12000)")
    width = driver.execute_script("return document.documentElement.clientWidth")
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}})
    with open(path, "wb") as out:
        out.write(base64.b64decode(shot["data"]))


def browser(found, axe_source):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = found["chromium"]
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                     "--force-color-profile=srgb", "--lang=fr-FR", "--disable-extensions",
                     # Nothing but the local server: the pages' links and images elsewhere fail at once.
                     "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]:
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(executable_path=found["chromedriver"]), options=options)
    driver.set_script_timeout(120)
    driver.set_page_load_timeout(60)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": axe_source})
    return driver


def audit(bundles, shots):
    found, missing = tools()
    if missing:
        print("audit_pages: missing " + ", ".join(missing) +
              " (apt-get install chromium chromium-driver; pip install selenium axe-playwright-python)", file=sys.stderr)
        return MISSING
    with open(found["axe.min.js"], encoding="utf-8") as f:
        axe_source = f.read()
    os.makedirs(shots, exist_ok=True)
    for old in glob.glob(os.path.join(shots, "*.png")):
        os.remove(old)
    servers, driver, problems, visited = [], None, [], 0
    try:
        sites = []
        for name, bundle in bundles:
            server = BundleServer(bundle)
            servers.append(server)
            sites.append((name, server, pages_of(bundle)))
        driver = browser(found, axe_source)
        for width, height, phone in WIDTHS:
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                   {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": phone})
            for name, server, pages in sites:
                for page, path, url in pages:
                    where = f"{name} {page} {width}px ({os.path.relpath(path, os.path.dirname(os.path.dirname(path)))})"
                    driver.get(server.root + url)
                    visited += 1
                    for violation in driver.execute_async_script(AXE_RUN, AXE_TAGS):
                        problems.append(f"{where}: axe {violation['id']} ({violation['impact']}): {violation['help']}")
                        problems += [f"    {node}" for node in violation["nodes"]]
                    found_here = driver.execute_script(LAYOUT_CHECKS, phone)
                    problems += [f"{where}: {p}" for p in found_here[:20]]
                    if len(found_here) > 20:
                        problems.append(f"{where}: … and {len(found_here) - 20} more")
                    screenshot(driver, os.path.join(shots, f"{name}-{page}-{width}.png"))
        # Once per bundle, on the loans page: the keyboard's first step, and the page on paper.
        from selenium.webdriver.common.action_chains import ActionChains
        from selenium.webdriver.common.keys import Keys
        for name, server, pages in sites:
            for page, path, url in pages:
                if page.endswith("prets"):
                    driver.get(server.root + url)
                    ActionChains(driver).send_keys(Keys.TAB).perform()
                    problems += [f"{name} {page}: {p}" for p in driver.execute_script(FOCUS_AND_PRINT_CHECKS)]
                    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
                    problems += [f"{name} {page} (print): {p}" for p in driver.execute_script(PRINTED_MARK)]
                    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    finally:
        if driver:
            driver.quit()
        for server in servers:
            server.stop()
    for problem in problems:
        print(problem)
    print(f"audit_pages: {visited} pages visited, {sum(not p.startswith('    ') for p in problems)} problem(s); "
          f"screenshots in {shots}", file=sys.stderr)
    return 1 if problems else 0


def main(argv):
    if argv == ["--check"]:
        found, missing = tools()
        if missing:
            print("audit_pages: missing " + ", ".join(missing), file=sys.stderr)
        return MISSING if missing else 0
    if len(argv) < 3 or argv[0] != "--screenshots":
        print(__doc__, file=sys.stderr)
        return 2
    bundles = []
    for spec in argv[2:]:
        name, _, path = spec.partition("=")
        if not name or not os.path.isdir(os.path.join(path, "public")) or not os.path.isdir(os.path.join(path, "private")):
            print(f"audit_pages: {spec}: not NAME=BUNDLE with public/ and private/", file=sys.stderr)
            return 2
        bundles.append((name, os.path.abspath(path)))
    return audit(bundles, argv[1])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
