#!/usr/bin/env python3
"""Validates e-mail messages (*.eml) with Python's `email` package (policy `default`):
the bytes (7-bit, CRLF only, no line over 998 octets), the headers an alert must have
(From, To with exactly one address, Subject, Date, Message-ID, List-Id, List-Unsubscribe,
MIME-Version; no Cc or Bcc), and the body: `multipart/alternative` with a `text/plain` then
a `text/html` part, both UTF-8, quoted-printable or base64. The HTML part must hold no
script, event handler or non-http(s) link.

    Tests/Validators/validate_mail.py [--json] [--html-out DIR] PATH [PATH...]

`--json` prints, on stdout, what was read of each message: headers decoded, both parts'
text, and the HTML part's searches (h2), results (li) and « et N autres » links.
`--html-out DIR` writes each HTML part to DIR/<message>.html, for the Nu HTML checker.
Exit status: 0 all valid, 1 problems (on stderr), 2 bad usage.
"""
import email
import email.policy
import email.utils
import html.parser
import os
import sys

from validator_cli import run

USAGE = __doc__
REQUIRED = ["From", "To", "Subject", "Date", "Message-ID", "List-Id", "List-Unsubscribe", "MIME-Version"]


class Outline(html.parser.HTMLParser):
    """The HTML part's searches (`h2`), results (`li` of `ul.results`) and « et N autres »
    (`p.more`), every link, and anything active it should not hold."""

    VOID = {"br", "hr", "meta", "link", "img", "input", "wbr", "col", "area", "base", "source"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.searches, self.problems, self.links = [], [], []
        self.open, self.text, self.href = [], "", None

    def inside(self, tag, cls=None):
        return any(t == tag and (cls is None or cls in c) for t, c in self.open)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event handler attribute {name}")
            if name in ("href", "src") and not (value or "").startswith(("https://", "http://")):
                self.problems.append(f"{name} that is not an http(s) URL: {value!r}")
        if tag in ("script", "iframe", "object", "embed", "form", "style", "base"):
            self.problems.append(f"<{tag}> element")
        if tag == "br":
            self.text += "\n"
        if tag in self.VOID:
            return
        self.open.append((tag, (attributes.get("class") or "").split()))
        if tag in ("h2", "li") or (tag == "p" and self.inside("p", "more")):
            self.text, self.href = "", None
        if tag == "a":
            self.href = attributes.get("href")
            self.links.append(self.href)

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if tag == "h2":
            self.searches.append({"name": self.text.strip(), "results": [], "more": None})
        elif tag == "li" and self.inside("ul", "results") and self.searches:
            self.searches[-1]["results"].append({"title": self.text.split("\n")[0].strip(), "href": self.href})
        elif tag == "p" and self.inside("p", "more") and self.searches:
            self.searches[-1]["more"] = {"label": self.text.strip(), "href": self.href}
        while self.open:
            if self.open.pop()[0] == tag:
                break

    def handle_data(self, data):
        self.text += data


def check_file(path, problems, html_out=None):
    with open(path, "rb") as f:
        raw = f.read()
    name = os.path.basename(path)
    report = {"file": name}
    if any(b > 0x7F for b in raw):
        problems.append(f"{path}: 8-bit bytes: every header and body must be encoded")
    if raw.replace(b"\r\n", b"").find(b"\n") >= 0 or raw.replace(b"\r\n", b"").find(b"\r") >= 0:
        problems.append(f"{path}: a line does not end in CRLF")
    for number, line in enumerate(raw.split(b"\r\n"), 1):
        if len(line) > 998:
            problems.append(f"{path}:{number}: line of {len(line)} octets (RFC 5322: at most 998)")
    message = email.message_from_bytes(raw, policy=email.policy.default)
    for defect in message.defects:
        problems.append(f"{path}: {type(defect).__name__}: {defect}")
    for header in REQUIRED:
        values = message.get_all(header) or []
        if len(values) != 1:
            problems.append(f"{path}: {len(values)} {header} header(s), expected one")
    for header in ("Cc", "Bcc", "Resent-To", "Resent-Cc", "Resent-Bcc"):
        if message.get_all(header):
            problems.append(f"{path}: unexpected {header} header")
    for header, value in message.items():
        if "\n" in str(value) or "\r" in str(value):
            problems.append(f"{path}: header {header} decodes to several lines")
        for defect in getattr(value, "defects", []):
            problems.append(f"{path}: {header}: {type(defect).__name__}: {defect}")
    to = message["To"]
    addresses = list(to.addresses) if to is not None else []
    if len(addresses) != 1:
        problems.append(f"{path}: To names {len(addresses)} addresses, expected one")
    report["to"] = [{"name": a.display_name, "address": a.addr_spec} for a in addresses]
    sender = message["From"]
    report["from"] = [{"name": a.display_name, "address": a.addr_spec} for a in (sender.addresses if sender else [])]
    report["subject"] = str(message["Subject"])
    date = message["Date"]
    report["date"] = date.datetime.isoformat() if date is not None and date.datetime else None
    if date is not None and date.datetime is None:
        problems.append(f"{path}: Date does not parse: {date}")
    report["message_id"] = str(message["Message-ID"])
    report["list_id"] = str(message["List-Id"])
    report["list_unsubscribe"] = str(message["List-Unsubscribe"])
    if message.get_content_type() != "multipart/alternative":
        problems.append(f"{path}: content type {message.get_content_type()}, expected multipart/alternative")
        return report
    parts = list(message.iter_parts())
    types = [p.get_content_type() for p in parts]
    if types != ["text/plain", "text/html"]:
        problems.append(f"{path}: parts {types}, expected text/plain then text/html")
        return report
    for part in parts:
        if (part.get_content_charset() or "").lower() != "utf-8":
            problems.append(f"{path}: {part.get_content_type()} in {part.get_content_charset()}, expected utf-8")
        if part["Content-Transfer-Encoding"] not in ("quoted-printable", "base64"):
            problems.append(f"{path}: {part.get_content_type()} sent as {part['Content-Transfer-Encoding']}")
        try:
            part.get_payload(decode=True).decode("utf-8")
        except UnicodeDecodeError as error:
            problems.append(f"{path}: {part.get_content_type()} is not UTF-8: {error}")
    # On the wire, lines end in CRLF; the texts are reported with LF, as they were written.
    report["text"] = parts[0].get_content().replace("\r\n", "\n")
    report["html"] = parts[1].get_content().replace("\r\n", "\n")
    outline = Outline()
    outline.feed(report["html"])
    outline.close()
    problems += [f"{path}: HTML part: {p}" for p in outline.problems]
    report["searches"] = outline.searches
    report["links"] = outline.links
    if html_out:
        with open(os.path.join(html_out, name[:-4] + ".html"), "w", encoding="utf-8") as f:
            f.write(report["html"])
    return report


def main(argv):
    html_out = None
    if "--html-out" in argv:
        index = argv.index("--html-out")
        if index + 1 >= len(argv):
            print(USAGE, file=sys.stderr)
            return 2
        html_out = argv[index + 1]
        argv = argv[:index] + argv[index + 2:]
        os.makedirs(html_out, exist_ok=True)
    return run(argv, name="validate_mail", suffix=".eml", usage=USAGE,
               check_file=lambda path, problems: check_file(path, problems, html_out))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
