"""What a server of a mediatheque bundle must answer, asked with real HTTP requests.

`check(base, bundle, private_path)` sends the requests to the server at `base`
(http://127.0.0.1:PORT) serving `bundle` and returns the list of failures.
The same checks run against nginx, Caddy and `mediatheque serve` (server_test.py).
"""
import gzip
import http.client
import os
import urllib.parse

HTML = "text/html; charset=utf-8"
TYPES = {
    ".html": HTML,
    ".css": "text/css; charset=utf-8",
    ".ics": "text/calendar; charset=utf-8",
    ".rss": "application/rss+xml; charset=utf-8",
    ".json": "application/json",
    ".pdf": "application/pdf",
    ".xml": "application/xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
}
PRIVATE_HEADERS = {
    "X-Robots-Tag": "noindex, nofollow",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "private, no-store",
}
UNKNOWN_TOKEN = "0123456789abcdef0123456789abcdef"


class Response:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    def header(self, name):
        return self.headers.get(name.lower())


def request(base, path, headers=None, timeout=10):
    """GETs `path` exactly as written (no normalisation, no Accept header unless given)."""
    url = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=timeout)
    try:
        connection.putrequest("GET", path, skip_accept_encoding=True)
        for name, value in (headers or {}).items():
            connection.putheader(name, value)
        connection.endheaders()
        response = connection.getresponse()
        return Response(response.status, {k.lower(): v for k, v in response.getheaders()}, response.read())
    finally:
        connection.close()


def sample_files(bundle):
    """One file of each type, public and private, as (url path, file path)."""
    public = os.path.join(bundle, "public")
    private = os.path.join(bundle, "private")
    token = next(name for name in sorted(os.listdir(private))
                 if os.path.isfile(os.path.join(private, name, "calendrier.ics")))
    folder = os.path.join(private, token)
    samples = {"public": [], "private": []}
    seen = set()
    for root, _, names in sorted(os.walk(public)):
        for name in sorted(names):
            extension = os.path.splitext(name)[1]
            if extension in TYPES and extension not in seen:
                seen.add(extension)
                path = os.path.join(root, name)
                samples["public"].append(("/" + os.path.relpath(path, public), path))
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if os.path.isfile(path) and os.path.splitext(name)[1] in TYPES:
            samples["private"].append((token + "/" + name, path))
    return token, samples


def read(path):
    with open(path, "rb") as f:
        return f.read()


def check(base, bundle, private_path):
    failures = []

    def expect(condition, message):
        if not condition:
            failures.append(message)

    not_found = read(os.path.join(bundle, "public", "404.html"))
    token, samples = sample_files(bundle)
    files = samples["public"] + [(private_path + p, f) for p, f in samples["private"]]
    types_seen = set()
    gzip_checked = 0
    for url, path in files:
        private = url.startswith(private_path)
        extension = os.path.splitext(path)[1]
        types_seen.add(extension)
        r = request(base, url)
        expect(r.status == 200, f"{url}: status {r.status}, expected 200")
        expect(r.body == read(path), f"{url}: the body is not the file's bytes")
        expect(r.header("Content-Type") == TYPES[extension],
               f"{url}: Content-Type {r.header('Content-Type')!r}, expected {TYPES[extension]!r}")
        expect(r.header("Content-Encoding") is None, f"{url}: encoded without Accept-Encoding")
        expect(r.header("X-Content-Type-Options") == "nosniff", f"{url}: no X-Content-Type-Options: nosniff")
        for name, value in PRIVATE_HEADERS.items():
            if private:
                expect(r.header(name) == value, f"{url}: {name} {r.header(name)!r}, expected {value!r}")
            elif name != "Cache-Control":
                expect(r.header(name) is None, f"{url}: public file with {name}")
        if os.path.exists(path + ".gz"):
            gzip_checked += 1
            z = request(base, url, {"Accept-Encoding": "gzip"})
            expect(z.status == 200, f"{url} (gzip): status {z.status}")
            expect(z.header("Content-Encoding") == "gzip", f"{url} (gzip): Content-Encoding {z.header('Content-Encoding')!r}")
            expect("accept-encoding" in (z.header("Vary") or "").lower(), f"{url} (gzip): Vary {z.header('Vary')!r}")
            expect(z.body == read(path + ".gz"), f"{url} (gzip): not the .gz sibling's bytes")
            expect(gzip.decompress(z.body) == read(path), f"{url} (gzip): does not decompress to the file")
            expect(z.header("Content-Type") == TYPES[extension], f"{url} (gzip): Content-Type {z.header('Content-Type')!r}")
    expect(types_seen >= set(TYPES), f"no sample of {sorted(set(TYPES) - types_seen)}")
    expect(gzip_checked >= 8, f"only {gzip_checked} sampled files have a .gz sibling")

    r = request(base, "/robots.txt")
    expect(b"\nDisallow: " + private_path.encode() + b"\n" in r.body, "robots.txt does not disallow " + private_path)

    check_search(base, bundle, expect)

    # A calendar app or Google's fetcher sends no Accept header.
    r = request(base, private_path + token + "/calendrier.ics")
    expect(r.status == 200 and r.header("Content-Type") == TYPES[".ics"], "calendar without Accept: " + str(r.status))

    # A patron's folder: its page, and the slash added as a relative redirect.
    r = request(base, private_path + token + "/")
    expect(r.status == 200 and r.body == read(os.path.join(bundle, "private", token, "index.html")),
           f"{private_path}{token}/: status {r.status}")
    r = request(base, private_path + token)
    expect(r.status in (301, 308) and r.header("Location") == private_path + token + "/",
           f"{private_path}{token}: status {r.status}, Location {r.header('Location')!r}")

    # What answers the bundle's 404 page: the private path and its neighbours, unknown
    # tokens, folders without an index, what lies outside public/ and private/.
    name = os.path.basename(bundle.rstrip("/"))
    missing = [
        private_path, private_path.rstrip("/"), private_path + UNKNOWN_TOKEN + "/",
        private_path + UNKNOWN_TOKEN + "/index.html", private_path + UNKNOWN_TOKEN,
        private_path + "assets/", private_path + token + "/favoris/../../",
        "/private/", "/private/" + token + "/index.html", "/public/index.html",
        "/assets/", "/agenda/mois/", "/nowhere.html",
        "/build-manifest.tsv", private_path + "../build-manifest.tsv", private_path + "..%2fbuild-manifest.tsv",
        private_path + "%2e%2e/build-manifest.tsv", private_path.rstrip("/") + "../build-manifest.tsv",
        f"/{name}.previous/public/index.html", f"/{name}.staging-1/public/index.html",
        f"/%2e%2e/{name}.previous/public/index.html", f"/../{name}/build-manifest.tsv",
        f"{private_path}../../{name}.previous/public/index.html",
    ]
    for url in missing:
        r = request(base, url)
        expect(r.status == 404, f"{url}: status {r.status}, expected 404")
        expect(r.body == not_found, f"{url}: not the bundle's 404 page")
        expect(r.header("Content-Type") == HTML, f"{url}: Content-Type {r.header('Content-Type')!r}")
        expect(b"Index of" not in r.body and b"<pre>" not in r.body, f"{url}: a listing")
    for url in [private_path, private_path + UNKNOWN_TOKEN + "/"]:
        r = request(base, url)
        for header, value in PRIVATE_HEADERS.items():
            expect(r.header(header) == value, f"{url}: {header} {r.header(header)!r}, expected {value!r}")
    return failures, gzip_checked


def check_search(base, bundle, expect):
    """The search page and what its script loads from pagefind/: the entry, the interface, an
    index file and the wasm. Pagefind's .pf_* and .pagefind files are gzip data it inflates
    itself: any type will do, but never Content-Encoding (the browser would inflate them first).
    Its scripts have their .gz sibling, sent to a client that takes gzip."""
    public = os.path.join(bundle, "public")
    r = request(base, "/recherche/")
    expect(r.status == 200 and r.body == read(os.path.join(public, "recherche", "index.html")), f"/recherche/: status {r.status}")
    folder = os.path.join(public, "pagefind")
    names = sorted(os.listdir(folder))
    meta = next(n for n in names if n.endswith(".pf_meta"))
    for name, kind in [("pagefind-entry.json", TYPES[".json"]), ("pagefind-ui.js", "text/javascript"),
                       ("pagefind.js", "text/javascript"), (meta, None), ("wasm.fr.pagefind", None)]:
        sibling = os.path.exists(os.path.join(folder, name + ".gz"))
        expect(sibling or not name.endswith(".js"), f"/pagefind/{name}: no .gz sibling")
        for headers in [{}, {"Accept-Encoding": "gzip"}]:
            r = request(base, "/pagefind/" + name, headers)
            url = f"/pagefind/{name} {headers}"
            encoding = r.header("Content-Encoding")
            body = gzip.decompress(r.body) if encoding == "gzip" else r.body
            expect(r.status == 200 and body == read(os.path.join(folder, name)), f"{url}: status {r.status}, or not the file")
            expected = "gzip" if sibling and headers else None
            expect(encoding == expected, f"{url}: Content-Encoding {encoding!r}, expected {expected!r}")
            content_type = r.header("Content-Type") or ""
            expect(content_type.startswith(kind) if kind else not content_type.startswith("text/"),
                   f"{url}: Content-Type {content_type!r}")


def check_rate_limit(base, private_path):
    """A burst of requests on the private path is cut short with 429 (run it last)."""
    statuses = [request(base, private_path + UNKNOWN_TOKEN + "/").status for _ in range(80)]
    return [] if 429 in statuses else ["80 quick requests on the private path: no 429"]
