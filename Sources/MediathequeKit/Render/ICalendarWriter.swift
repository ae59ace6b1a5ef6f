import Foundation

/// Writes an ``ICalendar`` as an iCalendar file (RFC 5545): `METHOD:PUBLISH`,
/// CRLF line ends, content lines folded at 75 octets, text escaped, and a
/// `VTIMEZONE` for the calendar's zone.
///
/// Pure and deterministic: the same calendar gives the same bytes, on any
/// machine with the same time zone data; nothing reads the clock.
///
/// ```swift
/// let text = ICalendarWriter().render(calendar)
/// try Data(text.utf8).write(to: url, options: .atomic)
/// ```
public struct ICalendarWriter: Sendable {
    public init() {}

    /// The calendar as iCalendar text, every line ending in CRLF.
    ///
    /// Text is cleaned (``Text/clean(_:)``, carriage returns dropped) and
    /// escaped, so no input can add a property or a component. Never fails.
    public func render(_ calendar: ICalendar) -> String {
        var lines = ContentLines()
        let zone = calendar.timeZone
        lines.append("BEGIN", "VCALENDAR")
        lines.append("VERSION", "2.0")
        lines.append("PRODID", Self.escape(calendar.productID))
        lines.append("CALSCALE", "GREGORIAN")
        lines.append("METHOD", "PUBLISH")
        if let name = Self.nonEmpty(calendar.name) {
            lines.append("NAME", Self.escape(name))
            lines.append("X-WR-CALNAME", Self.escape(name))
        }
        if let description = Self.nonEmpty(calendar.description) {
            lines.append("DESCRIPTION", Self.escape(description))
            lines.append("X-WR-CALDESC", Self.escape(description))
        }
        if let url = Self.nonEmpty(calendar.url.map(Text.cleanURL)) {
            lines.append("URL", url)
        }
        if let interval = calendar.refreshInterval.flatMap(Self.duration) {
            lines.append("REFRESH-INTERVAL;VALUE=DURATION", interval)
            lines.append("X-PUBLISHED-TTL", interval)
        }
        lines.append("X-WR-TIMEZONE", Self.escape(zone.identifier))
        if let span = calendar.localSpan {
            appendTimeZone(zone, covering: span, to: &lines)
        }
        let tzid = "TZID=" + Self.parameterValue(zone.identifier)
        for event in calendar.events {
            lines.append("BEGIN", "VEVENT")
            lines.append("UID", Self.escape(event.uid))
            lines.append("DTSTAMP", LocalDateTime.utcBasic(event.stamp))
            lines.append("SEQUENCE", String(max(0, event.sequence)))
            switch event.timing {
            case .local(let start, let end):
                lines.append("DTSTART;" + tzid, start.basic)
                if end > start { lines.append("DTEND;" + tzid, end.basic) }
            case .days(let first, let last):
                lines.append("DTSTART;VALUE=DATE", first.basic)
                lines.append("DTEND;VALUE=DATE", max(first, last).adding(days: 1).basic)
            }
            lines.append("SUMMARY", Self.escape(event.summary))
            if let description = Self.nonEmpty(event.description) {
                lines.append("DESCRIPTION", Self.escape(description))
            }
            if let location = Self.nonEmpty(event.location) {
                lines.append("LOCATION", Self.escape(location))
            }
            if let url = Self.nonEmpty(event.url.map(Text.cleanURL)) {
                lines.append("URL", url)
            }
            let categories = event.categories.map { Self.escape($0.trimmingWhitespace()) }.filter { !$0.isEmpty }
            if !categories.isEmpty {
                lines.append("CATEGORIES", categories.joined(separator: ","))
            }
            lines.append("STATUS", event.status.rawValue)
            if let modified = event.lastModified {
                lines.append("LAST-MODIFIED", LocalDateTime.utcBasic(modified))
            }
            lines.append("END", "VEVENT")
        }
        lines.append("END", "VCALENDAR")
        return String(decoding: lines.bytes, as: UTF8.self)
    }

    // MARK: - Values

    /// A `TEXT` value (RFC 5545 §3.3.11): carriage returns dropped, the text
    /// cleaned, then `\`, `;`, `,` and line feeds escaped (`\\`, `\;`, `\,`, `\n`).
    static func escape(_ text: String) -> String {
        let plain = Text.isPlain(text) { scalar in
            switch scalar {
            case "\\", ";", ",", "\n": true
            default: false
            }
        }
        return plain ? text : escapedScalarByScalar(text)
    }

    /// ``escape(_:)`` without its shortcut.
    static func escapedScalarByScalar(_ text: String) -> String {
        let withoutCR = String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\r" }))
        var escaped = ""
        for scalar in Text.clean(withoutCR).unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\\\"
            case ";": escaped += "\\;"
            case ",": escaped += "\\,"
            case "\n": escaped += "\\n"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// A parameter value: cleaned, without the characters it may not hold
    /// (double quotes, controls), and quoted when it has `:`, `;` or `,`.
    static func parameterValue(_ text: String) -> String {
        let kept = Text.clean(text).unicodeScalars.filter { $0 != "\"" && $0 != "\n" && $0 != "\t" }
        let value = String(String.UnicodeScalarView(kept))
        return value.contains(where: { ":;,".contains($0) }) ? "\"\(value)\"" : value
    }

    /// An RFC 5545 `DURATION` (`PT12H`, `P1D`, `P1W`, `PT1H0M30S`), or `nil`
    /// below one second.
    static func duration(_ duration: Duration) -> String? {
        let total = Int(duration.components.seconds)
        guard total >= 1 else { return nil }
        if total % 604_800 == 0 { return "P\(total / 604_800)W" }
        let days = total / 86_400
        let hours = total % 86_400 / 3600
        let minutes = total % 3600 / 60
        let seconds = total % 60
        var text = "P" + (days > 0 ? "\(days)D" : "")
        guard hours + minutes + seconds > 0 else { return text }
        text += "T"
        if hours > 0 { text += "\(hours)H" }
        if minutes > 0 || (hours > 0 && seconds > 0) { text += "\(minutes)M" }
        if seconds > 0 { text += "\(seconds)S" }
        return text
    }

    /// A UTC offset as `TZOFFSETFROM` and `TZOFFSETTO` write it: `+0100`, `-0330`, `+053328`.
    static func offset(_ seconds: Int) -> String {
        let magnitude = abs(seconds)
        let text = (seconds < 0 ? "-" : "+") + Day.pad(magnitude / 3600, 2) + Day.pad(magnitude / 60 % 60, 2)
        return magnitude % 60 == 0 ? text : text + Day.pad(magnitude % 60, 2)
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !Text.clean(text).isEmpty else { return nil }
        return text
    }
}

/// Content lines being written: each folded at 75 octets and ended by CRLF.
struct ContentLines {
    private(set) var bytes: [UInt8] = []

    /// Appends `name:value`; `name` may carry parameters (`DTSTART;TZID=Europe/Paris`).
    mutating func append(_ name: String, _ value: String) {
        Self.fold(Array(name.utf8) + [UInt8(ascii: ":")] + Array(value.utf8), into: &bytes)
    }

    /// Folds one unfolded line (RFC 5545 §3.1): no physical line longer than
    /// 75 octets, the leading space of a continuation line included, no cut
    /// inside a UTF-8 sequence, and none inside a backslash escape.
    static func fold(_ line: [UInt8], into output: inout [UInt8]) {
        let limit = 75
        var start = 0
        var room = limit
        while line.count - start > room {
            var cut = start + room
            while cut > start, line[cut] & 0xC0 == 0x80 { cut -= 1 }
            // Keep a backslash escape (`\n`, `\;`) whole: unfolding does not
            // need it, but some old clients read each physical line alone.
            var backslashes = 0
            while cut - backslashes > start, line[cut - backslashes - 1] == UInt8(ascii: "\\") { backslashes += 1 }
            if backslashes % 2 == 1, cut - 1 > start { cut -= 1 }
            output += line[start..<cut]
            output += [0x0D, 0x0A, 0x20]
            start = cut
            room = limit - 1
        }
        output += line[start...]
        output += [0x0D, 0x0A]
    }
}
