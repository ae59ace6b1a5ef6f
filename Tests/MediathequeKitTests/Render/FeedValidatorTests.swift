import Foundation
import Testing
@testable import MediathequeKit

/// The written files, read by the real validators (`Tests/Validators`), and
/// the validators themselves shown to refuse broken files.
@Suite struct FeedValidatorTests {
    static let texts: [(String, String)] = [
        ("hostile", RenderFixtures.hostile), ("arabic", RenderFixtures.arabic), ("japanese", RenderFixtures.japanese),
        ("emoji", RenderFixtures.emoji), ("long", RenderFixtures.longTitle),
    ]

    static var hostileFeed: RSSFeed {
        let zone = RenderFixtures.paris
        return RSSFeed(
            title: "Agenda " + RenderFixtures.hostile, link: "https://mediatheques.example/agenda/",
            description: RenderFixtures.hostile, selfURL: "https://mediatheques.example/agenda.rss",
            lastBuildDate: RenderFixtures.local("2025-03-01T06:00").instant(in: zone), timeZone: zone,
            items: texts.enumerated().map { index, entry in
                RSSItem(title: entry.1, link: "https://mediatheques.example/agenda/\(entry.0)/?a=1&b=\"<x>\"",
                        description: entry.1 + "\n\n" + entry.1, guid: "\(entry.0).s\(index) \(entry.1.prefix(30))",
                        pubDate: RenderFixtures.local("2025-03-\(10 + index)T19:00").instant(in: zone),
                        categories: [entry.1, "Jeunesse"])
            })
    }

    @Test(.requiresICSValidators) func calendarsPassTheICSValidators() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let writer = ICalendarWriter()
        try directory.write(writer.render(RenderFixtures.awkwardCalendar), to: "agenda.ics")
        try directory.write(writer.render(RenderFixtures.calendar([])), to: "private/abc/calendrier.ics")
        let tokyo = RenderFixtures.calendar([RenderFixtures.session("t", "2025-03-07T19:00", "2025-03-07T20:00")],
                                            zone: TimeZone(identifier: "Asia/Tokyo")!)
        try directory.write(writer.render(tokyo), to: "agenda/lieux/tokyo.ics")
        let newYork = RenderFixtures.calendar([RenderFixtures.session("n", "2025-11-02T01:30", "2026-03-08T02:30")],
                                              zone: TimeZone(identifier: "America/New_York")!)
        try directory.write(writer.render(newYork), to: "agenda/lieux/new-york.ics")

        let outcome = try Validators.validateICS([directory.url], json: true)
        #expect(outcome.succeeded, "\(outcome.standardError)")
        let reports = try JSONDecoder().decode([ICSReport].self, from: Data(outcome.standardOutput.utf8))
        #expect(reports.count == 4)
    }

    /// Hostile and foreign text comes back from both parsers exactly as
    /// cleaned, inside the property it was given to.
    @Test(.requiresICSValidators) func calendarTextReadsBackAsGiven() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write(ICalendarWriter().render(RenderFixtures.awkwardCalendar), to: "agenda.ics")
        let outcome = try Validators.validateICS([file], json: true)
        #expect(outcome.succeeded, "\(outcome.standardError)")
        let events = try #require(try JSONDecoder().decode([ICSReport].self, from: Data(outcome.standardOutput.utf8)).first?.events)
        for (_, text) in Self.texts {
            let expected = Text.clean(text.replacingOccurrences(of: "\r", with: ""))
            let event = try #require(events.first { $0.summary_icalendar == expected }, "\(text.prefix(30))")
            #expect(event.summary_ical == expected)
            #expect(event.description_ical == expected + "\n\n" + expected)
            #expect(event.description_icalendar == expected + "\n\n" + expected)
        }
    }

    @Test(.requiresRSSValidators) func feedsPassTheRSSValidators() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let writer = RSSWriter()
        try directory.write(writer.render(Self.hostileFeed), to: "agenda.rss")
        var empty = Self.hostileFeed
        empty.items = []
        try directory.write(writer.render(empty), to: "private/abc/recherches/1.rss")
        let outcome = try Validators.validateRSS([directory.url], json: true)
        #expect(outcome.succeeded, "\(outcome.standardError)")
    }

    /// An XML parser reads back every title, category and description as the
    /// text given (cleaned; titles on one line; descriptions as escaped HTML).
    @Test(.requiresRSSValidators) func feedTextReadsBackAsGiven() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write(RSSWriter().render(Self.hostileFeed), to: "agenda.rss")
        let outcome = try Validators.validateRSS([file], json: true)
        #expect(outcome.succeeded, "\(outcome.standardError)")
        let report = try #require(try JSONDecoder().decode([RSSReport].self, from: Data(outcome.standardOutput.utf8)).first)
        #expect(report.title == "Agenda " + RSSWriter.oneLine(RenderFixtures.hostile))
        #expect(report.description == Text.clean(RenderFixtures.hostile))
        try #require(report.items.count == Self.texts.count)
        for (item, (_, text)) in zip(report.items, Self.texts) {
            #expect(item.title == RSSWriter.oneLine(text))
            #expect(item.categories == [RSSWriter.oneLine(text).trimmingWhitespace(), "Jeunesse"])
            #expect(item.description == RSSWriter.html(text + "\n\n" + text))
            #expect(item.isPermaLink == false)
            #expect(item.link?.hasPrefix("https://mediatheques.example/") == true)
        }
        #expect(report.items.first?.pubDate_utc == "2025-03-10T18:00:00Z")
    }

    @Test(.requiresICSValidators) func icsValidatorRefusesBrokenFiles() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let good = ICalendarWriter().render(RenderFixtures.calendar([
            RenderFixtures.session("a", "2025-03-07T19:00", "2025-03-07T20:30", summary: "Bébés lecteurs"),
        ]))
        let broken: [(String, String, String)] = [
            ("lf", good.replacingOccurrences(of: "\r\n", with: "\n"), "bare CR or LF"),
            ("long", good.replacingOccurrences(of: "SUMMARY:Bébés lecteurs", with: "SUMMARY:" + String(repeating: "x", count: 68)),
             "76 octets"),
            ("split", good.replacingOccurrences(of: "SUMMARY:Bébés", with: "SUMMARY:B\u{E9}\u{301}bés"), ""),
            ("no-vtimezone", good.replacingOccurrences(of: "TZID=Europe/Paris:", with: "TZID=Europe/Berlin:"),
             "TZID Europe/Berlin has no VTIMEZONE"),
            ("no-stamp", good.replacingOccurrences(of: "DTSTAMP:20250220T090000Z\r\n", with: ""), "exactly one DTSTAMP"),
            ("no-uid", good.replacingOccurrences(of: "UID:a\r\n", with: ""), "exactly one UID"),
            ("wrong-offset", good.replacingOccurrences(of: "DTSTART:20250330T020000", with: "DTSTART:20250323T020000"),
             "the tz database says"),
            ("control", good.replacingOccurrences(of: "SUMMARY:B", with: "SUMMARY:\u{7}B"), "control character"),
        ]
        for (name, text, message) in broken where name != "split" {
            let file = try directory.write(text, to: "\(name).ics")
            let outcome = try Validators.validateICS([file])
            #expect(outcome.status == 1, "\(name) passed")
            #expect(outcome.standardError.contains(message), "\(name): \(outcome.standardError)")
        }
        // A fold inside "é" (C3 A9): bytes a String cannot hold, written directly.
        var bytes = Array(good.utf8)
        let summary = Array("SUMMARY:B".utf8)
        let at = try #require((0..<bytes.count).first { Array(bytes[$0..<($0 + summary.count)]) == summary }) + summary.count + 1
        bytes.insert(contentsOf: [0x0D, 0x0A, 0x20], at: at)
        let file = directory.url.appendingPathComponent("split.ics")
        try Data(bytes).write(to: file)
        let outcome = try Validators.validateICS([file])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("a fold cuts a UTF-8 sequence"), "\(outcome.standardError)")
    }

    @Test(.requiresRSSValidators) func rssValidatorRefusesBrokenFiles() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let good = RSSWriter().render(Self.hostileFeed)
        let broken: [(String, String, String)] = [
            ("ampersand", good.replacingOccurrences(of: "&amp;", with: "&"), "not well-formed"),
            ("cdata-end", good.replacingOccurrences(of: "]]&gt;", with: "]]>"), "not well-formed"),
            ("weekday", good.replacingOccurrences(of: "Mon, 10 Mar 2025", with: "Sat, 10 Mar 2025"), "is a Mon"),
            ("no-self", good.replacingOccurrences(of: "<atom:link", with: "<atom:other"), "rel=\"self\""),
            ("c1", good.replacingOccurrences(of: "<title>Agenda", with: "<title>\u{85}Agenda"), "not allowed in XML 1.0"),
            ("guid", good.replacingOccurrences(of: " isPermaLink=\"false\"", with: ""), "lacks isPermaLink"),
            ("date", good.replacingOccurrences(of: "Mon, 10 Mar 2025 19:00:00 +0100", with: "2025-03-10T19:00:00+01:00"),
             "is not an RFC 822 date"),
        ]
        for (name, text, message) in broken {
            #expect(text != good, "\(name) changed nothing")
            let file = try directory.write(text, to: "\(name).rss")
            let outcome = try Validators.validateRSS([file])
            #expect(outcome.status == 1, "\(name) passed")
            #expect(outcome.standardError.contains(message), "\(name): \(outcome.standardError)")
        }
    }
}

/// What `validate_rss.py --json` says of one file.
struct RSSReport: Decodable {
    var title: String?
    var link: String?
    var description: String?
    var items: [Item]

    struct Item: Decodable {
        var title: String?
        var link: String?
        var description: String?
        var guid: String?
        var isPermaLink: Bool?
        var pubDate_utc: String?
        var categories: [String]
    }
}
