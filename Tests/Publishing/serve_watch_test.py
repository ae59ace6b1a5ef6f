#!/usr/bin/env python3
"""Runs `mediatheque serve --watch` over the demo with a copy of the templates, edits
them, and checks with real HTTP requests that the preview follows (docs/deploy.md).

    serve_watch_test.py MEDIATHEQUE TEMPLATES BUNDLE

BUNDLE, the demo built with --today 2026-12-06, is copied and served (--no-build) with a
copy of TEMPLATES.

- a template edit is served within a few seconds, and an open page's long poll is
  answered then: the page open in headless Chromium reloads itself and shows the edit;
  every answer meanwhile is a whole page, 200;
- the reload script is in the pages sent, never in the files on disk;
- a broken template leaves the last good bundle served, and the error is printed
  with file:line:column;
- a second server on the same port says that the port is in use, and exits 1;
- SIGINT (Ctrl-C) stops the server, which exits 0.

Prints one failure a line and exits 1 if any.
"""
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

import server_checks
from server_test import free_port

RELOAD = "/.mediatheque/reload"
SCRIPT = b"mediatheque serve --watch"


def wait_for(condition, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def main():
    mediatheque, templates = sys.argv[1], sys.argv[2]
    folder = tempfile.mkdtemp(prefix="mediatheque-watch-")
    copy, bundle = os.path.join(folder, "Templates"), os.path.join(folder, "_site")
    shutil.copytree(templates, copy)
    shutil.copytree(sys.argv[3], bundle, symlinks=True)
    layout = os.path.join(copy, "layout.mustache")
    original = open(layout).read()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    site = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Site")
    output = open(os.path.join(folder, "output.log"), "wb")
    process = subprocess.Popen([mediatheque, "serve", "--no-build", "--watch", "--today", "2026-12-06", "--site", site,
                                "--templates", copy, "--out", bundle, "--port", str(port)],
                               stdout=output, stderr=subprocess.STDOUT)
    failures = []

    def expect(condition, message):
        if not condition:
            failures.append(message)

    def home():
        return server_checks.request(base, "/")

    def log():
        return open(os.path.join(folder, "output.log"), errors="replace").read()

    try:
        if not wait_for(lambda: process.poll() is None and up(base), 10):
            return fail([f"serve --watch did not start: {log()}"])
        first = home()
        expect(first.status == 200 and SCRIPT in first.body, "/: no reload script in the page sent")
        on_disk = open(os.path.join(bundle, "public", "index.html"), "rb").read()
        expect(SCRIPT not in on_disk, "public/index.html: the reload script was written to disk")
        missing = server_checks.request(base, "/nowhere.html")
        expect(missing.status == 404 and SCRIPT in missing.body, "/nowhere.html: no reload script in the 404 page")

        browser = open_browser(base)
        expect(browser or os.environ.get("MEDIATHEQUE_REQUIRE_VALIDATORS") != "1",
               "selenium, chromium or chromedriver is missing (scripts/install-deps.sh installs them)")

        # An open page asks whether the bundle changed: answered once the edit is built.
        generation = re.search(rb"var g=(\d+)", first.body).group(1).decode()
        poll = {}
        waiting = threading.Thread(target=lambda: poll.update(r=wait_for_change(base, generation)))
        waiting.start()
        time.sleep(0.5)
        expect(waiting.is_alive(), "the reload poll was answered before any change")

        with open(layout, "w") as f:
            f.write(original.replace("</body>", "<p>Aperçu modifié</p></body>"))
        edited = time.monotonic()
        answers = []
        seen = wait_for(lambda: answers.append(home()) or "Aperçu modifié".encode() in answers[-1].body, 30)
        expect(seen, "the template edit is not served 30 s later")
        print(f"serve --watch: an edit served after {time.monotonic() - edited:.1f} s", file=sys.stderr)
        expect(all(a.status == 200 and a.body.rstrip().endswith(b"</html>") for a in answers),
               "an answer during the rebuild was not a whole page: " + str({a.status for a in answers}))
        waiting.join(30)
        expect(poll.get("r", False), "the reload poll was not answered with a newer bundle")
        if browser:
            reloaded = wait_for(lambda: "Aperçu modifié" in browser.page_source
                                and not browser.execute_script("return window.beforeTheEdit === true"), 15)
            expect(reloaded, "the page open in Chromium did not reload with the edit")
            browser.quit()

        with open(layout, "w") as f:
            f.write(original.replace("</body>", "{{#unclosed}}</body>"))
        reported = wait_for(lambda: re.search(re.escape(layout) + r":\d+:\d+: a section is never closed", log()), 30)
        expect(reported, f"the broken template is not reported as {layout}:line:column: {log()}")
        kept = home()
        expect(kept.status == 200 and "Aperçu modifié".encode() in kept.body, "the last good bundle is not served after a broken template")

        second = subprocess.run([mediatheque, "serve", "--no-build", "--site", site, "--out", bundle, "--port", str(port)],
                                capture_output=True, text=True, timeout=30)
        expect(second.returncode == 1 and f"127.0.0.1:{port} is in use" in second.stderr,
               f"a second server on the port: exit status {second.returncode}, {second.stderr!r}")
    finally:
        process.send_signal(signal.SIGINT)
        try:
            status = process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            status = "none (killed after 30 s)"
        output.close()
        expect(status == 0, f"exit status {status} after SIGINT: {log()}")
        shutil.rmtree(folder, ignore_errors=True)
    return fail(failures)


def open_browser(base):
    """Headless Chromium showing the home page, marked to tell a reload; None when selenium,
    chromium or chromedriver is missing."""
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        return None
    chromium, chromedriver = shutil.which("chromium") or shutil.which("chromium-browser"), shutil.which("chromedriver")
    if not chromium or not chromedriver:
        return None
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]:
        options.add_argument(argument)
    browser = webdriver.Chrome(service=Service(executable_path=chromedriver), options=options)
    browser.get(base + "/")
    browser.execute_script("window.beforeTheEdit = true")
    return browser


def wait_for_change(base, generation):
    """Polls as the page's script does, until a newer bundle is announced (True) or 30 s pass."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if int(server_checks.request(base, f"{RELOAD}?after={generation}", timeout=40).body) > int(generation):
                return True
        except OSError:
            return False
    return False


def up(base):
    try:
        return server_checks.request(base, "/").status == 200
    except OSError:
        return False


def fail(failures):
    for failure in failures:
        print(failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
