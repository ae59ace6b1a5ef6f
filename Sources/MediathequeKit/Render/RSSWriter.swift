import Foundation

/// Writes an ``RSSFeed`` as RSS 2.0 XML, UTF-8, with an Atom `self` link.
///
/// Pure and deterministic: no clock, no locale; dates are RFC 822 with
/// English names (`Fri, 07 Mar 2025 19:00:00 +0100`) whatever the
/// machine's settings.
/// All text is cleaned (``Text/clean(_:)``) and escaped, so no input can add
/// an element or break out of one.
///
/// ```swift
/// let xml = RSSWriter().render(feed)
/// try Data(xml.utf8).write(to: url, options: .atomic)
/// ```
public struct RSSWriter: Sendable {
    public init() {}

    /// The feed as an XML document (LF line ends, final line feed).
    public func render(_ feed: RSSFeed) -> String {
        let zone = feed.timeZone
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
              <channel>

            """
        func element(_ name: String, _ content: String, indent: String = "    ") {
            xml += "\(indent)<\(name)>\(content)</\(name)>\n"
        }
        element("title", Text.escapeMarkup(Self.oneLine(feed.title)))
        element("link", Text.escapeMarkup(Text.cleanURL(feed.link)))
        element("description", Text.escapeMarkup(feed.description))
        element("language", Text.escapeMarkup(feed.language))
        if let date = feed.lastBuildDate { element("lastBuildDate", Self.rfc822(date, in: zone)) }
        if let ttl = feed.timeToLive, ttl > 0 { element("ttl", String(ttl)) }
        if let selfURL = feed.selfURL {
            let href = Text.escapeMarkup(Text.cleanURL(selfURL))
            xml += "    <atom:link href=\"\(href)\" rel=\"self\" type=\"application/rss+xml\"/>\n"
        }
        for item in feed.items {
            xml += "    <item>\n"
            let inner = "      "
            element("title", Text.escapeMarkup(Self.oneLine(item.title)), indent: inner)
            if let link = item.link { element("link", Text.escapeMarkup(Text.cleanURL(link)), indent: inner) }
            if let description = item.description {
                element("description", Text.escapeMarkup(Self.html(description)), indent: inner)
            }
            for category in item.categories.map({ Self.oneLine($0).trimmingWhitespace() }) where !category.isEmpty {
                element("category", Text.escapeMarkup(category), indent: inner)
            }
            let permaLink = item.guidIsPermaLink ? "" : " isPermaLink=\"false\""
            let guid = item.guidIsPermaLink ? Text.cleanURL(item.guid) : Self.oneLine(item.guid)
            xml += "\(inner)<guid\(permaLink)>\(Text.escapeMarkup(guid))</guid>\n"
            if let date = item.pubDate { element("pubDate", Self.rfc822(date, in: zone), indent: inner) }
            xml += "    </item>\n"
        }
        xml += "  </channel>\n</rss>\n"
        return xml
    }

    /// A title or category on one line: cleaned, each line break or tab a space.
    static func oneLine(_ text: String) -> String {
        String(String.UnicodeScalarView(Text.clean(text).unicodeScalars.map { $0 == "\n" || $0 == "\t" ? " " : $0 }))
    }

    /// Plain text as the HTML an RSS description holds: escaped, paragraphs
    /// (separated by blank lines) in `<p>`, other line breaks as `<br>`.
    static func html(_ text: String) -> String {
        var paragraphs: [[Substring]] = []
        var current: [Substring] = []
        for line in Text.clean(text).split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy(\.isWhitespace) {
                if !current.isEmpty { paragraphs.append(current) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { paragraphs.append(current) }
        return paragraphs
            .map { "<p>" + $0.map { Text.escapeMarkup(String($0)) }.joined(separator: "<br>") + "</p>" }
            .joined()
    }

    private static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// An RFC 822 date (with a four-digit year, as RFC 1123 and RSS 2.0 write
    /// it) with the offset `instant` has in `zone`: `Fri, 07 Mar 2025 19:00:00 +0100`.
    public static func rfc822(_ instant: Date, in zone: TimeZone) -> String {
        let local = LocalDateTime(instant, in: zone)
        let day = local.day
        return "\(weekdays[day.weekday - 1]), \(Day.pad(day.day, 2)) \(months[day.month - 1]) \(Day.pad(day.year, 4)) "
            + "\(Day.pad(local.hour, 2)):\(Day.pad(local.minute, 2)):\(Day.pad(local.second, 2)) "
            + rfc822Offset(local.localSeconds - LocalDateTime(utc: instant).localSeconds)
    }

    private static func rfc822Offset(_ seconds: Int) -> String {
        let minutes = abs(seconds) / 60
        return (seconds < 0 ? "-" : "+") + Day.pad(minutes / 60, 2) + Day.pad(minutes % 60, 2)
    }
}
