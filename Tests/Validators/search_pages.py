#!/usr/bin/env python3
"""Uses the search page of a built bundle in a real browser (Chromium through Selenium),
as a visitor does, over HTTP on 127.0.0.1 (public/ at /, private/ under /espace/, by the
server of audit_pages.py, stopped at the end):

- "bebes", typed without accents, finds "Bébés lecteurs";
- "séances", a word of every event page, finds every event with a session not ended by
  the start of --today, as the status region (role="status") announces; with the
  médiathèque LIBRARY and the catégorie CATEGORY then checked, the results are exactly
  the events with such a session at that library and with that category (computed here
  from the feed and the database, not from the pages);
- no result links into private/ (nor out of the site);
- axe-core finds no WCAG 2.1 A or AA violation on the page with results and filters
  shown, at 1280 and 390 px (screenshots of both in --screenshots).

    search_pages.py --feed AGENDA.xml --database ACCOUNTS.sqlite --today YYYY-MM-DD \
        --library CODE --category NAME --screenshots DIR BUNDLE

Exit status: 0 as expected, 1 problems (one line each on stdout), 2 bad usage, 77 a
tool is missing.
"""
import argparse
import datetime as dt
import os
import sqlite3
import sys
import urllib.parse
import xml.etree.ElementTree as ET

import audit_pages

NS = "{urn:mediatheque:agenda:1}"
RESULT_LINKS = ".pagefind-ui__result-link"
EVERY_EVENT = "séances"


def expected_titles(feed, database, today, library, category):
    """The name of `library`, the titles of the events with a session at `library` not ended at
    `today` 00:00 and in `category`, and the number of events with any session not ended."""
    now = dt.datetime.fromisoformat(today + "T00:00")
    root = ET.parse(feed).getroot()
    titles, coming = set(), 0
    for event in root.iter(NS + "event"):
        coming += any(dt.datetime.fromisoformat(s.get("end")) > now for s in event.iter(NS + "session"))
        categories = [c.text for c in event.iter(NS + "category")]
        coming_here = [s for s in event.iter(NS + "session")
                       if s.get("library") == library and dt.datetime.fromisoformat(s.get("end")) > now]
        if category in categories and coming_here:
            titles.add(event.findtext(NS + "title"))
    db = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    (name,), = db.execute("SELECT name FROM library WHERE code = ?", (library,))
    return name, titles, coming


def search(args):
    found, missing = audit_pages.tools()
    if missing:
        print("search_pages: missing " + ", ".join(missing), file=sys.stderr)
        return audit_pages.MISSING
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    library_name, expected, coming = expected_titles(args.feed, args.database, args.today, args.library, args.category)
    with open(found["axe.min.js"], encoding="utf-8") as f:
        axe_source = f.read()
    os.makedirs(args.screenshots, exist_ok=True)
    problems = []
    server, driver = audit_pages.BundleServer(args.bundle), None
    try:
        driver = audit_pages.browser(found, axe_source)
        wait = WebDriverWait(driver, 30)

        def message():
            return driver.execute_script(
                "const m = document.querySelector('.pagefind-ui__message'); return m ? m.textContent.trim() : '';")

        def results(before=""):
            """Every result (title, href), once the search has settled on a message other than `before`."""
            wait.until(lambda d: message() not in ("", before) and not message().startswith("Recherche "))
            while more := driver.find_elements(By.CSS_SELECTOR, ".pagefind-ui__button"):
                shown = len(driver.find_elements(By.CSS_SELECTOR, RESULT_LINKS))
                more[0].click()
                wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, RESULT_LINKS)) > shown)
            links = driver.find_elements(By.CSS_SELECTOR, RESULT_LINKS)
            return [(link.text.strip(), link.get_attribute("href")) for link in links]

        driver.get(server.root + "/recherche/")
        box = wait.until(lambda d: d.find_element(By.CSS_SELECTOR, ".pagefind-ui__search-input"))
        box.send_keys("bebes")
        titles = [title for title, _ in results()]
        if "Bébés lecteurs" not in titles:
            problems.append(f'"bebes": no result "Bébés lecteurs" (got {titles})')

        # The interface filters the results of a word: one that every event page carries,
        # the heading of its sessions table, so that the filters alone choose.
        driver.get(server.root + "/recherche/")
        box = wait.until(lambda d: d.find_element(By.CSS_SELECTOR, ".pagefind-ui__search-input"))
        box.send_keys(EVERY_EVENT)
        results()
        status = driver.find_element(By.ID, "recherche-annonce").get_attribute("textContent")
        if status != f"{coming} résultats pour {EVERY_EVENT}":
            problems.append(f'"{EVERY_EVENT}": the status says {status!r}, expected the {coming} events with coming sessions')
        for group, value in [("médiathèque", library_name), ("catégorie", args.category)]:
            # Each group is a <details>, closed at first: opened as a visitor opens it, by its summary.
            name = driver.execute_script(
                "return [...document.querySelectorAll('.pagefind-ui__filter-name')]"
                ".find(s => s.textContent.trim().toLowerCase() === arguments[0]);", group)
            if name is None:
                problems.append(f"no filter {group}")
                continue
            name.click()
            boxes = [box for box in name.find_elements(By.XPATH, "./ancestor::details[1]//input[@type='checkbox']")
                     if box.get_attribute("value") == value]
            if len(boxes) != 1:
                problems.append(f"filter {group} = {value}: {len(boxes)} checkboxes")
                continue
            before = message()
            boxes[0].click()
            wait.until(lambda d: message() != before)
        got = results()
        if sorted(t for t, _ in got) != sorted(expected):
            problems.append(f"{library_name} + {args.category}: results {sorted(t for t, _ in got)}, "
                            f"expected {sorted(expected)}")
        for title, href in got:
            url = urllib.parse.urlsplit(href)
            if f"{url.scheme}://{url.netloc}" != server.root or url.path.startswith(audit_pages.PRIVATE_PATH) \
                    or not url.path.startswith("/agenda/"):
                problems.append(f"{title}: result link {href} is not an event page of the public site")

        for width, height, phone in audit_pages.WIDTHS:
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                   {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": phone})
            for violation in driver.execute_async_script(audit_pages.AXE_RUN, audit_pages.AXE_TAGS):
                problems.append(f"recherche {width}px: axe {violation['id']} ({violation['impact']}): {violation['help']}")
                problems += [f"    {node}" for node in violation["nodes"]]
            audit_pages.screenshot(driver, os.path.join(args.screenshots, f"recherche-resultats-{width}.png"))
    finally:
        if driver:
            driver.quit()
        server.stop()
    for problem in problems:
        print(problem)
    print(f"search_pages: {len(expected)} expected for {library_name} + {args.category}, "
          f"{sum(not p.startswith('    ') for p in problems)} problem(s)", file=sys.stderr)
    return 1 if problems else 0


def main(argv):
    parser = argparse.ArgumentParser(usage=__doc__)
    for option in ["--feed", "--database", "--today", "--library", "--category", "--screenshots"]:
        parser.add_argument(option, required=True)
    parser.add_argument("bundle")
    args = parser.parse_args(argv)
    return search(args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
