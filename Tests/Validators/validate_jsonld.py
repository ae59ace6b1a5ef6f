#!/usr/bin/env python3
"""Validate the schema.org JSON-LD of the public event pages against the inputs.

usage: validate_jsonld.py --feed AGENDA.xml --database ACCOUNTS.sqlite --today YYYY-MM-DD PUBLIC

Every PUBLIC/agenda/*/index.html is read with `extruct` (its JSON-LD syntax: each
`<script type="application/ld+json">` parsed as strict JSON). Its items must be, in
start order, one schema.org `Event` for each session of that event in the feed that
has not ended by the start of --today, and nothing else. For each, independently of
the builder:

- startDate and endDate: the feed's local time with the offset the feed's zone has
  then, by the system's tz database (zoneinfo);
- eventStatus: the feed's status (EventScheduled, EventCancelled, EventPostponed);
- offers: price 0, EUR, availability SoldOut when no place is left (capacity minus
  the `confirmed` registrations of the database), LimitedAvailability with at most
  5 left, else InStock (no capacity too);
- location: a Place named as the database's library, with its address;
- name, eventAttendanceMode, organizer, isAccessibleForFree, and the audience and
  image when the feed has them.

Exit status: 0 all valid, 1 a problem (one `file: message` per problem on stderr),
2 bad usage or missing module. Prints on stdout one line per Event:
`event-id session-id startDate eventStatus availability`.
"""
import argparse
import datetime as dt
import pathlib
import sqlite3
import sys
import xml.etree.ElementTree as ET
import zoneinfo

try:
    import extruct
except ImportError as error:
    print(f"missing module: {error.name} (pip install extruct)", file=sys.stderr)
    sys.exit(2)

NS = "{urn:mediatheque:agenda:1}"
SCHEMA = "https://schema.org/"
LIMITED = 5


def local(text):
    return dt.datetime.fromisoformat(text)


def with_offset(moment, zone):
    # The first occurrence of a repeated hour; an hour skipped in spring keeps the offset before it.
    aware = moment.replace(tzinfo=zone, fold=0)
    back = aware.astimezone(dt.timezone.utc).astimezone(zone).replace(tzinfo=None)
    if back != moment:
        aware = moment.replace(tzinfo=zone, fold=1)
    offset = aware.utcoffset()
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    return moment.isoformat(timespec="seconds") + f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def availability(capacity, confirmed):
    if capacity is None:
        return "InStock"
    left = max(0, capacity - confirmed)
    if left == 0:
        return "SoldOut"
    return "LimitedAvailability" if left <= LIMITED else "InStock"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--feed", required=True)
    parser.add_argument("--database", required=True)
    parser.add_argument("--today", required=True)
    parser.add_argument("public")
    args = parser.parse_args()

    now = dt.datetime.fromisoformat(args.today + "T00:00")
    root = ET.parse(args.feed).getroot()
    zone = zoneinfo.ZoneInfo(root.get("timezone"))
    db = sqlite3.connect(f"file:{args.database}?mode=ro", uri=True)
    libraries = {code: (name, address) for code, name, address in db.execute("SELECT code, name, address FROM library")}
    confirmed = {(e, s): n for e, s, n in db.execute(
        "SELECT event_id, session_id, count(*) FROM event_registration WHERE status = 'confirmed' GROUP BY 1, 2")}

    problems = 0

    def problem(path, message):
        nonlocal problems
        problems += 1
        print(f"{path}: {message}", file=sys.stderr)

    events = {e.get("id"): e for e in root.iter(NS + "event")}
    pages = sorted(pathlib.Path(args.public, "agenda").glob("*/index.html"))
    seen = set()
    for page in pages:
        event_id = page.parent.name
        if event_id not in events:
            continue
        seen.add(event_id)
        event = events[event_id]
        html = page.read_text(encoding="utf-8")
        try:
            data = extruct.extract(html, base_url="https://example.invalid/", syntaxes=["json-ld"], errors="strict")["json-ld"]
        except Exception as error:  # extruct raises what json.loads raises
            problem(page, f"JSON-LD does not parse: {error}")
            continue
        sessions = [s for s in event.iter(NS + "session") if local(s.get("end")) > now]
        sessions.sort(key=lambda s: (local(s.get("start")), s.get("id")))
        if len(data) != len(sessions):
            problem(page, f"{len(data)} JSON-LD items for {len(sessions)} coming sessions")
            continue
        title = event.findtext(NS + "title")
        audience = event.findtext(NS + "audience")
        image = event.find(NS + "image")
        for item, session in zip(data, sessions):
            sid = session.get("id")
            where = f"{page} session {sid}"

            def expect(key, value, got=None):
                got = item.get(key) if got is None else got
                if got != value:
                    problem(where, f"{key} is {got!r}, expected {value!r}")

            expect("@context", "https://schema.org")
            expect("@type", "Event")
            expect("name", title)
            if not str(item.get("url", "")).endswith("#seance-" + sid):
                problem(where, f"url {item.get('url')!r} is not the session's row")
            expect("startDate", with_offset(local(session.get("start")), zone))
            expect("endDate", with_offset(local(session.get("end")), zone))
            status = {"scheduled": "EventScheduled", "cancelled": "EventCancelled",
                      "postponed": "EventPostponed"}[session.get("status", "scheduled")]
            expect("eventStatus", SCHEMA + status)
            expect("eventAttendanceMode", SCHEMA + "OfflineEventAttendanceMode")
            expect("isAccessibleForFree", True)
            organizer = item.get("organizer") or {}
            if organizer.get("@type") != "Organization" or not organizer.get("name"):
                problem(where, f"organizer {organizer!r}")
            name, address = libraries[session.get("library")]
            location = item.get("location") or {}
            expect("location", {"type": "Place", "name": name},
                   {"type": location.get("@type"), "name": location.get("name")})
            if address and not location.get("address", {}).get("streetAddress"):
                problem(where, "location has no address")
            capacity = session.get("capacity")
            wanted = availability(int(capacity) if capacity else None, confirmed.get((event_id, sid), 0))
            offers = item.get("offers") or {}
            expect("offers", {"price": 0, "priceCurrency": "EUR", "availability": SCHEMA + wanted},
                   {k: offers.get(k) for k in ("price", "priceCurrency", "availability")})
            if audience:
                expect("audience", audience, (item.get("audience") or {}).get("audienceType"))
            if image is not None:
                expect("image", [image.get("href")])
            print(event_id, sid, item.get("startDate"), status, wanted)
    for event_id, event in events.items():
        coming = [s for s in event.iter(NS + "session") if local(s.get("end")) > now]
        if coming and event_id not in seen:
            problem(args.public, f"no page for event {event_id}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
