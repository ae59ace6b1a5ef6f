#!/usr/bin/env python3
"""Validate iCalendar files (RFC 5545) as the mediatheque bundle writes them.

usage: validate_ics.py [--json] PATH...

Each PATH is an .ics file or a directory searched recursively for *.ics.
Every file is checked three ways:

1. bytes, by this script: UTF-8 without BOM, CRLF after every line and no
   bare CR or LF, at most 75 octets per physical line, folds that never cut
   a UTF-8 sequence, no control characters, BEGIN/END balanced, VERSION and
   PRODID once, UID and DTSTAMP (UTC) exactly once in every VEVENT, a
   VTIMEZONE for every TZID used, DATE DTEND after DATE DTSTART;
2. the VTIMEZONE against the system's tz database (zoneinfo): every
   observance's onset and offsets, and every local DTSTART/DTEND covered;
3. the parsers: the strict `ical` package
   (IcsCalendarStream.calendar_from_ics) and `icalendar`
   (Calendar.from_ical, no recorded errors); the UTC instant of every
   DTSTART/DTEND must be the same in both and by the file's own VTIMEZONE.

Exit status: 0 all valid, 1 some file invalid (one message per problem on
stderr, `file:line: message`), 2 bad usage or missing module.
With --json, prints on stdout, per file, the events with their UTC instants
and their SUMMARY and DESCRIPTION as each parser decodes them.
"""
import datetime as dt
import json
import re
import sys

import validator_cli

try:
    import zoneinfo
    from ical.calendar_stream import IcsCalendarStream
    import icalendar
except ImportError as error:  # pragma: no cover
    print(f"validate_ics.py: missing Python module: {error.name} "
          "(pip install ical icalendar)", file=sys.stderr)
    sys.exit(2)

MAX_OCTETS = 75
UTC = dt.timezone.utc
CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")
LOCAL_FORM = re.compile(r"^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})$")
UTC_FORM = re.compile(r"^\d{8}T\d{6}Z$")
DATE_FORM = re.compile(r"^\d{8}$")
OFFSET_FORM = re.compile(r"^([+-])(\d{2})(\d{2})(\d{2})?$")


class Problems:
    """Problem lines, appended to the list the command line gives."""
    def __init__(self, items):
        self.items = items

    def add(self, path, line, message):
        where = f"{path}:{line}" if line else path
        message = message.replace("\r", "\\r").replace("\n", "\\n")
        message = message if len(message) <= 300 else message[:300] + "…"
        self.items.append(f"{where}: {message}")


def split_line(text):
    """Splits an unfolded line at its first colon outside a quoted parameter value."""
    quoted = False
    for index, char in enumerate(text):
        if char == '"':
            quoted = not quoted
        elif char == ":" and not quoted:
            return text[:index], ":", text[index + 1:]
    return text, "", ""


def split_params(head):
    """Splits `NAME;P=V;Q="x;y"` into the name and a dict of parameters."""
    parts, current, quoted = [], "", False
    for char in head:
        if char == '"':
            quoted = not quoted
        if char == ";" and not quoted:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    params = {}
    for part in parts[1:]:
        key, _, value = part.partition("=")
        params[key.upper()] = value.strip('"')
    return parts[0].upper(), params


def content_lines(path, data, problems):
    """Checks the bytes; returns [(line number, name, params, value)]."""
    if data.startswith(b"\xef\xbb\xbf"):
        problems.add(path, 1, "starts with a byte order mark")
    if not data.endswith(b"\r\n"):
        problems.add(path, 0, "does not end with CRLF")
    physical = data.split(b"\r\n")
    if physical and physical[-1] == b"":
        physical.pop()
    unfolded = []  # [line number, bytes, numbers of the physical lines that are not UTF-8 alone]
    for number, raw in enumerate(physical, start=1):
        if b"\r" in raw or b"\n" in raw:
            problems.add(path, number, "bare CR or LF (lines must end with CRLF)")
        if len(raw) > MAX_OCTETS:
            problems.add(path, number, f"{len(raw)} octets (at most {MAX_OCTETS})")
        try:
            text = raw.decode("utf-8")
            cut = False
        except UnicodeDecodeError:
            text = raw.decode("utf-8", "replace")
            cut = True
        if CONTROL.search(text.replace("\r", "").replace("\n", "")):
            problems.add(path, number, "control character")
        if raw == b"":
            problems.add(path, number, "empty line")
        elif raw[:1] in (b" ", b"\t"):
            if not unfolded:
                problems.add(path, number, "continuation line first")
            else:
                unfolded[-1][1] += raw[1:]
                unfolded[-1][2] += [number] if cut else []
        else:
            unfolded.append([number, raw, [number] if cut else []])
    result = []
    for number, raw, cuts in unfolded:
        try:
            text = raw.decode("utf-8")
            for cut in cuts:  # valid once unfolded: the fold is what cut it
                problems.add(path, cut, "a fold cuts a UTF-8 sequence")
        except UnicodeDecodeError as error:
            problems.add(path, number, f"not UTF-8: {error}")
            text = raw.decode("utf-8", "replace")
        head, sep, value = split_line(text)
        if not sep:
            problems.add(path, number, f"no ':' in content line {text[:40]!r}")
            continue
        name, params = split_params(head)
        if not re.fullmatch(r"[A-Z0-9-]+", name):
            problems.add(path, number, f"bad property name {name!r}")
        result.append((number, name, params, value))
    return result


def unescape(text):
    """A TEXT value as it reads (RFC 5545 3.3.11)."""
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), text)


def parse_offset(text):
    match = OFFSET_FORM.match(text or "")
    if not match:
        return None
    sign = -1 if match.group(1) == "-" else 1
    return sign * (int(match.group(2)) * 3600 + int(match.group(3)) * 60 + int(match.group(4) or 0))


def parse_local(text):
    match = LOCAL_FORM.match(text or "")
    if not match:
        return None
    return dt.datetime(*map(int, match.groups()))


class Component:
    def __init__(self, name, line):
        self.name, self.line, self.props, self.children = name, line, [], []

    def values(self, name):
        return [p for p in self.props if p[1] == name]


def structure(path, lines, problems):
    root, stack = None, []
    for line in lines:
        number, name, params, value = line
        if name == "BEGIN":
            component = Component(value.upper(), number)
            if stack:
                stack[-1].children.append(component)
            elif root is None:
                root = component
            else:
                problems.add(path, number, "content after END:VCALENDAR")
            stack.append(component)
        elif name == "END":
            if not stack or stack[-1].name != value.upper():
                problems.add(path, number, f"END:{value} does not close "
                             f"{stack[-1].name if stack else 'anything'}")
            else:
                stack.pop()
        elif stack:
            stack[-1].props.append(line)
        else:
            problems.add(path, number, f"{name} outside any component")
    if stack:
        problems.add(path, 0, f"BEGIN:{stack[-1].name} never ends")
    if root is None or root.name != "VCALENDAR":
        problems.add(path, 1, "does not start with BEGIN:VCALENDAR")
    return root


def observances(path, timezone, problems):
    """The observances of a VTIMEZONE as [(onset utc, onset local, from, to)], checked against zoneinfo."""
    tzid = (timezone.values("TZID") or [(timezone.line, "", {}, "")])[0][3]
    try:
        reference = zoneinfo.ZoneInfo(tzid)
    except Exception:
        reference = None
    result = []
    for child in timezone.children:
        if child.name not in ("STANDARD", "DAYLIGHT"):
            continue
        start = child.values("DTSTART")
        offsets = [child.values(n) for n in ("TZOFFSETFROM", "TZOFFSETTO")]
        if len(start) != 1 or any(len(o) != 1 for o in offsets):
            problems.add(path, child.line, f"{child.name} needs one DTSTART, TZOFFSETFROM and TZOFFSETTO")
            continue
        local = parse_local(start[0][3])
        before, after = (parse_offset(o[0][3]) for o in offsets)
        if local is None or before is None or after is None:
            problems.add(path, child.line, f"{child.name} has a malformed DTSTART or offset")
            continue
        if child.values("RRULE") or child.values("RDATE"):
            continue  # recurring observances: not what this project writes; not checked further
        onset = (local - dt.timedelta(seconds=before)).replace(tzinfo=UTC)
        if reference is not None:
            now = onset.astimezone(reference).utcoffset().total_seconds()
            was = (onset - dt.timedelta(seconds=1)).astimezone(reference).utcoffset().total_seconds()
            if now != after or (before != after and was != before):
                problems.add(path, child.line, f"{tzid} {child.name} at {start[0][3]} says "
                             f"{before:+d}s -> {after:+d}s; the tz database says {was:+.0f}s -> {now:+.0f}s")
        result.append((onset, local, before, after))
    result.sort()
    if not result:
        problems.add(path, timezone.line, f"VTIMEZONE {tzid} has no STANDARD or DAYLIGHT")
    return tzid, result


def resolve(local, table):
    """The UTC instant of a local time by a VTIMEZONE's observances (RFC 5545 3.3.5), or None if not covered."""
    if not table or local < table[0][1]:
        return None
    candidates = []
    for index, (onset, _, before, after) in enumerate(table):
        end = table[index + 1][0] if index + 1 < len(table) else None
        instant = (local - dt.timedelta(seconds=after)).replace(tzinfo=UTC)
        if instant >= onset and (end is None or instant < end):
            candidates.append(instant)
    if candidates:
        return min(candidates)  # a repeated time is its first occurrence
    for onset, _, before, after in table:  # a skipped time takes the offset before the gap
        gap_start = onset.replace(tzinfo=None) + dt.timedelta(seconds=before)
        if gap_start <= local < gap_start + dt.timedelta(seconds=after - before):
            return (local - dt.timedelta(seconds=before)).replace(tzinfo=UTC)
    return None


def iso(value):
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            return value.isoformat()
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return None


def check_file(path, problems):
    with open(path, "rb") as handle:
        data = handle.read()
    count = len(problems.items)
    lines = content_lines(path, data, problems)
    root = structure(path, lines, problems)
    if root is None:
        return None
    for name in ("VERSION", "PRODID"):
        if len(root.values(name)) != 1:
            problems.add(path, root.line, f"VCALENDAR needs exactly one {name}")
    zones = {}
    for timezone in (c for c in root.children if c.name == "VTIMEZONE"):
        tzid, table = observances(path, timezone, problems)
        if tzid in zones:
            problems.add(path, timezone.line, f"two VTIMEZONE for {tzid}")
        zones[tzid] = table
    for number, name, params, _ in lines:
        if "TZID" in params and name != "TZID" and params["TZID"] not in zones:
            problems.add(path, number, f"{name}: TZID {params['TZID']} has no VTIMEZONE")
    events = []
    for event in (c for c in root.children if c.name == "VEVENT"):
        for name in ("UID", "DTSTAMP"):
            if len(event.values(name)) != 1:
                problems.add(path, event.line, f"VEVENT needs exactly one {name}")
        for _, _, _, value in event.values("DTSTAMP") + event.values("LAST-MODIFIED"):
            if not UTC_FORM.match(value):
                problems.add(path, event.line, f"DTSTAMP/LAST-MODIFIED {value!r} is not a UTC date-time")
        if len(event.values("DTSTART")) != 1:
            problems.add(path, event.line, "VEVENT needs exactly one DTSTART")
        record = {"uid": unescape((event.values("UID") or [(0, "", {}, "")])[0][3]), "line": event.line}
        for name in ("DTSTART", "DTEND"):
            for number, _, params, value in event.values(name):
                if params.get("VALUE") == "DATE":
                    if not DATE_FORM.match(value):
                        problems.add(path, number, f"{name} {value!r} is not a DATE")
                    record[name.lower()] = {"date": value}
                    continue
                entry = {"local": value}
                tzid = params.get("TZID")
                if tzid is not None:
                    entry["tzid"] = tzid
                    local = parse_local(value)
                    if local is None:
                        problems.add(path, number, f"{name} {value!r} is not a local date-time")
                    elif tzid in zones:
                        instant = resolve(local, zones[tzid])
                        if instant is None:
                            problems.add(path, number, f"{name} {value} is not covered by VTIMEZONE {tzid}")
                        else:
                            entry["utc_vtimezone"] = iso(instant)
                record[name.lower()] = entry
        start, end = record.get("dtstart", {}), record.get("dtend", {})
        if "date" in start and end and "date" not in end:
            problems.add(path, event.line, "DTSTART is a DATE but DTEND is not")
        if "date" in start and "date" in end and end["date"] <= start["date"]:
            problems.add(path, event.line, "DTEND (exclusive) must be after DTSTART")
        events.append(record)
    text = data.decode("utf-8", "replace")
    parsed_ical, parsed_icalendar = [], []
    try:
        calendar = IcsCalendarStream.calendar_from_ics(text)
        parsed_ical = [(e.uid, e.dtstart, e.dtend, e.summary, e.description) for e in calendar.events]
    except Exception as error:
        detail = getattr(error, "detailed_error", None)
        problems.add(path, 0, f"ical refuses it: {type(error).__name__}: {error}" + (f" ({detail})" if detail else ""))
    try:
        calendar = icalendar.Calendar.from_ical(text)
        for component in calendar.walk():
            for error in getattr(component, "errors", []):
                problems.add(path, 0, f"icalendar: {component.name}: {error}")
        for event in calendar.walk("VEVENT"):
            parsed_icalendar.append((str(event.get("UID")), event.decoded("DTSTART"),
                                     event.decoded("DTEND") if "DTEND" in event else None,
                                     str(event.get("SUMMARY")) if "SUMMARY" in event else None,
                                     str(event.get("DESCRIPTION")) if "DESCRIPTION" in event else None))
    except Exception as error:
        problems.add(path, 0, f"icalendar refuses it: {type(error).__name__}: {error}")
    for label, parsed in (("ical", parsed_ical), ("icalendar", parsed_icalendar)):
        if len(problems.items) > count and not parsed:
            continue
        if len(parsed) != len(events):
            problems.add(path, 0, f"{label} reads {len(parsed)} events, the file has {len(events)}")
            continue
        for record, (uid, start, end, summary, description) in zip(events, parsed):
            record[f"summary_{label}"] = summary
            record[f"description_{label}"] = description
            if uid != record["uid"]:
                problems.add(path, record["line"], f"{label} reads UID {uid!r}, the file says {record['uid']!r}")
            for key, value in (("dtstart", start), ("dtend", end)):
                if key in record and "local" in record[key]:
                    record[key][f"utc_{label}"] = iso(value)
    for record in events:
        for key in ("dtstart", "dtend"):
            entry = record.get(key, {})
            readings = {entry[k] for k in ("utc_vtimezone", "utc_ical", "utc_icalendar") if k in entry}
            if len(readings) > 1:
                problems.add(path, record["line"], f"{key.upper()} {entry['local']} is read as different "
                             f"instants: {json.dumps(entry, sort_keys=True)}")
    return {"file": path, "events": events}


def main(argv):
    return validator_cli.run(argv, name="validate_ics.py", suffix=".ics", usage=__doc__.strip().splitlines()[2],
                             check_file=lambda path, items: check_file(path, Problems(items)))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
