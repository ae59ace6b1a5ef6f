#!/usr/bin/env python3
"""Fuzzes the agenda feed reader through `mediatheque check`, for a bounded time.

Seeded, so a run is repeatable: feeds made from the demo's and a generated network's by
random mutations (bytes flipped, inserted, cut or repeated; and the shapes that hurt XML
readers: deep nesting, many attributes, entity expansion, external entities, other
encodings, NUL bytes, invalid UTF-8). Each feed is checked in a process of its own, with
at most MEMORY_MB of address space and TIMEOUT seconds: a crash (a signal, or an exit
status other than 0 and 1), a hang or a memory blow-up fails the run, and the feed that
did it is kept in the output folder.

usage: scripts/fuzz-feed.py MEDIATHEQUE [--seconds N] [--seed S] [--keep DIR]
"""
import argparse
import datetime
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time

TIMEOUT = 5
MEMORY_MB = 2048


def demo_feed(root):
    """The demo's feed, its {{today±N}} placeholders dated from a fixed day."""
    today = datetime.date(2026, 12, 6)
    text = open(os.path.join(root, "Site/demo/agenda.xml"), encoding="utf-8").read()

    def day(match):
        sign, n = match.group(1), int(match.group(2) or 0)
        return (today + datetime.timedelta(days=n if sign != "-" else -n)).isoformat()

    return re.sub(r"\{\{today(?:([+-])(\d+))?\}\}", day, text).encode("utf-8")


def mutate(rng, seed):
    data = bytearray(seed)
    for _ in range(rng.randint(1, 8)):
        kind = rng.randrange(14)
        at = rng.randrange(len(data) + 1)
        if kind == 0 and data:  # flip bits
            data[min(at, len(data) - 1)] ^= 1 << rng.randrange(8)
        elif kind == 1:  # random bytes
            data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
        elif kind == 2 and data:  # cut
            del data[at:at + rng.randint(1, 200)]
        elif kind == 3 and data:  # repeat a slice
            end = min(len(data), at + rng.randint(1, 400))
            data[at:at] = data[at:end] * rng.randint(2, 50)
        elif kind == 4:  # deep nesting
            depth = rng.choice([100, 1000, 20000])
            data[at:at] = b"<event>" * depth + b"</event>" * rng.randint(0, depth)
        elif kind == 5:  # many attributes on one element
            n = rng.choice([10, 65, 1000, 50000])
            data[at:at] = b"<event " + b" ".join(b'a%d="x"' % i for i in range(n)) + b">"
        elif kind == 6:  # entity expansion
            data[at:at] = (b'<!DOCTYPE agenda [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
                           b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
                           b'<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">]>')
            data[at:at] = b"&f;"
        elif kind == 7:  # external entity
            data[0:0] = b'<!DOCTYPE agenda [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            data[at:at] = b"&x;"
        elif kind == 8:  # another encoding
            data[0:0] = rng.choice([b'<?xml version="1.0" encoding="ISO-8859-1"?>', b"\xff\xfe", b"\xfe\xff\x00<",
                                    b'<?xml version="1.0" encoding="UTF-16"?>', b"\xef\xbb\xbf"])
        elif kind == 9:  # NUL bytes and invalid UTF-8
            data[at:at] = rng.choice([b"\x00", b"\xc3", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xc0\xaf"])
        elif kind == 10:  # a huge text or attribute value
            data[at:at] = b"x" * rng.choice([1000, 100000, 3000000])
        elif kind == 11:  # CDATA, comments, processing instructions
            data[at:at] = rng.choice([b"<![CDATA[", b"]]>", b"<!--", b"-->", b"<?pi x?>", b"&#0;", b"&#xD800;", b"&amp"])
        elif kind == 12:  # a tag from elsewhere in the feed
            tags = re.findall(rb"<[a-z]+[^>]{0,300}>", bytes(data))
            if tags:
                data[at:at] = rng.choice(tags) * rng.randint(1, 100)
        else:  # a date, a time or a number at its edge
            data[at:at] = rng.choice([b"9999-99-99", b"0000-00-00T24:60", b"-1", b"99999999999999999999", b"2027-02-29"])
    return bytes(data)


def limit_memory():
    size = MEMORY_MB * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (size, size))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mediatheque")
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--seed", type=int, default=21)
    parser.add_argument("--keep", default=None, help="where failing feeds are kept (default: a temporary folder)")
    args = parser.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    work = tempfile.mkdtemp(prefix="mediatheque-fuzz-")
    keep = args.keep or os.path.join(work, "failures")
    os.makedirs(keep, exist_ok=True)
    network = os.path.join(work, "network")
    subprocess.run([args.mediatheque, "generate", "--patrons", "20", "--today", "2026-12-06", "--out", network],
                   check=True, stdout=subprocess.DEVNULL)
    database = os.path.join(network, "accounts.sqlite")
    seeds = [demo_feed(root), open(os.path.join(network, "agenda.xml"), "rb").read()]
    rng = random.Random(args.seed)
    feed = os.path.join(work, "feed.xml")
    deadline = time.monotonic() + args.seconds
    runs, failures, slowest = 0, [], 0.0
    while time.monotonic() < deadline:
        data = mutate(rng, rng.choice(seeds))
        with open(feed, "wb") as f:
            f.write(data)
        started = time.monotonic()
        try:
            result = subprocess.run([args.mediatheque, "check", "--database", database, "--agenda", feed,
                                     "--site", os.path.join(root, "Site"), "--limit", "5"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=TIMEOUT,
                                    preexec_fn=limit_memory)
            status = result.returncode
            why = None if status in (0, 1) else f"exit status {status}: {result.stderr.decode('utf-8', 'replace')[-300:]}"
        except subprocess.TimeoutExpired:
            why = f"no answer within {TIMEOUT} s"
        slowest = max(slowest, time.monotonic() - started)
        runs += 1
        if why:
            kept = os.path.join(keep, f"feed-{runs}.xml")
            os.replace(feed, kept)
            failures.append(f"{kept}: {why}")
            print(f"FAIL {kept}: {why}", flush=True)
    print(f"fuzz-feed: {runs} feeds (seed {args.seed}), slowest {slowest:.2f} s, {len(failures)} failures")
    if failures:
        sys.exit(1)
    subprocess.run(["rm", "-rf", work])


if __name__ == "__main__":
    main()
