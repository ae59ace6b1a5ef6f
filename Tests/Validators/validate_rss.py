#!/usr/bin/env python3
"""Validate RSS 2.0 feeds as the mediatheque bundle writes them.

usage: validate_rss.py [--json] PATH...

Each PATH is a feed file or a directory searched recursively for *.rss.
Every file is checked:

1. bytes: UTF-8 without BOM, an XML declaration saying UTF-8, no character
   XML 1.0 forbids or discourages (C0 controls but tab and line feed, DEL, C1,
   noncharacters);
2. structure, with the standard library's strict parser (expat): well formed,
   <rss version="2.0"> holding one <channel> with title, link and
   description, an <atom:link rel="self" type="application/rss+xml" href>,
   absolute http(s) links, items with a title or description and a guid,
   guids that are http(s) URLs unless isPermaLink="false", dates in strict
   RFC 822 form (English names, four-digit year, numeric offset) whose weekday
   is right;
3. feedparser: feedparser.parse(path) must give bozo == 0 and version rss20.

Exit status: 0 all valid, 1 some file invalid (one message per problem on
stderr), 2 bad usage or missing module.
With --json, prints on stdout, per file, the channel and its items as an XML
parser reads them (text exactly as decoded).
"""
import datetime
import email.utils
import re
import sys
import urllib.parse
import xml.etree.ElementTree as ET

import validator_cli

try:
    import feedparser
except ImportError as error:  # pragma: no cover
    print(f"validate_rss.py: missing Python module: {error.name} (pip install feedparser)", file=sys.stderr)
    sys.exit(2)

ATOM = "{http://www.w3.org/2005/Atom}"
DECLARATION = re.compile(rb'^<\?xml version="1\.0" encoding="UTF-8"\?>')
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
RFC822 = re.compile(r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
                    r"(\d{4}) (\d{2}):(\d{2}):(\d{2}) ([+-]\d{4})$")


def is_web_url(text):
    parts = urllib.parse.urlsplit(text or "")
    return parts.scheme in ("http", "https") and bool(parts.netloc) and not re.search(r"\s", text)


def check_date(problems, where, text):
    match = RFC822.match(text or "")
    if not match:
        problems.append(f"{where}: {text!r} is not an RFC 822 date like 'Fri, 07 Mar 2025 19:00:00 +0100'")
        return None
    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError) as error:
        problems.append(f"{where}: {text!r}: {error}")
        return None
    if DAYS[parsed.weekday()] != match.group(1):
        problems.append(f"{where}: {text!r} is a {DAYS[parsed.weekday()]}")
    return parsed.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def text_of(element, name):
    child = element.find(name)
    return None if child is None else (child.text or "")


def check_file(path, problems):
    with open(path, "rb") as handle:
        data = handle.read()
    if data.startswith(b"\xef\xbb\xbf"):
        problems.append(f"{path}: starts with a byte order mark")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        problems.append(f"{path}: not UTF-8: {error}")
        return None
    if not DECLARATION.match(data):
        problems.append(f"{path}: does not start with <?xml version=\"1.0\" encoding=\"UTF-8\"?>")
    for number, line in enumerate(text.split("\n"), start=1):
        if FORBIDDEN.search(line.rstrip("\r")):
            problems.append(f"{path}:{number}: character not allowed in XML 1.0")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as error:
        problems.append(f"{path}: not well-formed XML: {error}")
        return None
    if root.tag != "rss" or root.get("version") != "2.0":
        problems.append(f"{path}: root is not <rss version=\"2.0\">")
    channels = root.findall("channel")
    if len(channels) != 1:
        problems.append(f"{path}: {len(channels)} <channel> (exactly one wanted)")
        return None
    channel = channels[0]
    report = {"file": path, "items": []}
    for name in ("title", "link", "description"):
        if len(channel.findall(name)) != 1:
            problems.append(f"{path}: channel needs exactly one <{name}>")
        report[name] = text_of(channel, name)
    report["language"] = text_of(channel, "language")
    if not is_web_url(report["link"]):
        problems.append(f"{path}: channel <link> {report['link']!r} is not an http(s) URL")
    selves = [a for a in channel.findall(f"{ATOM}link") if a.get("rel") == "self"]
    if len(selves) != 1:
        problems.append(f"{path}: channel needs one <atom:link rel=\"self\">")
    else:
        report["self"] = selves[0].get("href")
        if selves[0].get("type") != "application/rss+xml" or not is_web_url(report["self"]):
            problems.append(f"{path}: <atom:link rel=\"self\"> needs type application/rss+xml and an http(s) href")
    if channel.find("lastBuildDate") is not None:
        report["lastBuildDate"] = text_of(channel, "lastBuildDate")
        report["lastBuildDate_utc"] = check_date(problems, f"{path}: lastBuildDate", report["lastBuildDate"])
    for number, item in enumerate(channel.findall("item"), start=1):
        where = f"{path}: item {number}"
        entry = {name: text_of(item, name) for name in ("title", "link", "description", "guid", "pubDate")}
        entry["categories"] = [c.text or "" for c in item.findall("category")]
        if entry["title"] is None and entry["description"] is None:
            problems.append(f"{where}: needs a <title> or a <description>")
        if entry["link"] is not None and not is_web_url(entry["link"]):
            problems.append(f"{where}: <link> {entry['link']!r} is not an http(s) URL")
        guid = item.find("guid")
        if guid is None or not (guid.text or "").strip():
            problems.append(f"{where}: needs a non-empty <guid>")
        else:
            entry["isPermaLink"] = guid.get("isPermaLink", "true") != "false"
            if entry["isPermaLink"] and not is_web_url(guid.text):
                problems.append(f"{where}: <guid> {guid.text!r} is not a URL but lacks isPermaLink=\"false\"")
        if entry["pubDate"] is not None:
            entry["pubDate_utc"] = check_date(problems, f"{where}: pubDate", entry["pubDate"])
        report["items"].append(entry)
    parsed = feedparser.parse(path)
    if parsed.bozo:
        problems.append(f"{path}: feedparser: bozo: {parsed.get('bozo_exception')!r}")
    if parsed.get("version") != "rss20":
        problems.append(f"{path}: feedparser reads version {parsed.get('version')!r}, not rss20")
    if len(parsed.entries) != len(report["items"]):
        problems.append(f"{path}: feedparser reads {len(parsed.entries)} items, the file has {len(report['items'])}")
    report["feedparser_titles"] = [e.get("title") for e in parsed.entries]
    return report


def main(argv):
    return validator_cli.run(argv, name="validate_rss.py", suffix=".rss", usage=__doc__.strip().splitlines()[2],
                             check_file=check_file)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
