import Foundation
import Testing
@testable import MediathequeKit

struct ICalendarTimeZoneTests {
    typealias Observance = ICalendarWriter.Observance

    private func observances(_ zone: String, _ from: String, _ to: String) -> [Observance] {
        ICalendarWriter.observances(of: TimeZone(identifier: zone)!,
                                    covering: RenderFixtures.local(from)...RenderFixtures.local(to))
    }

    @Test func coversEveryChangeOfTheYearsOfTheEvents() {
        let expected = [
            Observance(isDaylight: false, onset: RenderFixtures.local("2024-10-27T03:00"), offsetFrom: 7200, offsetTo: 3600),
            Observance(isDaylight: true, onset: RenderFixtures.local("2025-03-30T02:00"), offsetFrom: 3600, offsetTo: 7200),
            Observance(isDaylight: false, onset: RenderFixtures.local("2025-10-26T03:00"), offsetFrom: 7200, offsetTo: 3600),
            Observance(isDaylight: true, onset: RenderFixtures.local("2026-03-29T02:00"), offsetFrom: 3600, offsetTo: 7200),
            Observance(isDaylight: false, onset: RenderFixtures.local("2026-10-25T03:00"), offsetFrom: 7200, offsetTo: 3600),
        ]
        #expect(observances("Europe/Paris", "2025-06-01T10:00", "2026-01-15T10:00") == expected)
        #expect(observances("Europe/Paris", "2025-01-01T00:00", "2025-12-31T23:59") == Array(expected.prefix(3)))
    }

    @Test func describesAZoneWithoutChangesByOneObservance() {
        #expect(observances("Asia/Tokyo", "2025-03-07T19:00", "2025-03-08T19:00") == [
            Observance(isDaylight: false, onset: RenderFixtures.local("2025-01-01T00:00"), offsetFrom: 32_400, offsetTo: 32_400),
        ])
        #expect(observances("UTC", "2025-03-07T19:00", "2025-03-07T20:00").map(\.offsetTo) == [0])
    }

    @Test func followsSouthernAndHalfHourZones() {
        let lordHowe = observances("Australia/Lord_Howe", "2025-02-01T10:00", "2025-02-01T11:00")
        #expect(lordHowe.map(\.offsetTo) == [39_600, 37_800, 39_600])
        #expect(lordHowe.map(\.onset.iso) == ["2024-10-06T02:00:00", "2025-04-06T02:00:00", "2025-10-05T02:00:00"])
    }

    /// Sessions on the days summer time starts and ends in Paris, written,
    /// then read back by `ical`, `icalendar` and the file's own VTIMEZONE
    /// (in `validate_ics.py`): all three must give the expected UTC instants.
    @Test(.requiresICSValidators) func changeDaysReadBackAsTheRightInstants() throws {
        let sessions: [(String, String, String, String, String)] = [
            ("before-spring", "2025-03-29T10:00", "2025-03-29T11:00", "2025-03-29T09:00:00Z", "2025-03-29T10:00:00Z"),
            ("spring-early", "2025-03-30T01:30", "2025-03-30T03:30", "2025-03-30T00:30:00Z", "2025-03-30T01:30:00Z"),
            ("spring-gap", "2025-03-30T02:30", "2025-03-30T04:00", "2025-03-30T01:30:00Z", "2025-03-30T02:00:00Z"),
            ("spring-day", "2025-03-30T10:00", "2025-03-30T11:00", "2025-03-30T08:00:00Z", "2025-03-30T09:00:00Z"),
            ("autumn-early", "2025-10-26T01:30", "2025-10-26T02:30", "2025-10-25T23:30:00Z", "2025-10-26T00:30:00Z"),
            ("autumn-repeat", "2025-10-26T02:30", "2025-10-26T03:30", "2025-10-26T00:30:00Z", "2025-10-26T02:30:00Z"),
            ("autumn-day", "2025-10-26T10:00", "2025-10-26T11:00", "2025-10-26T09:00:00Z", "2025-10-26T10:00:00Z"),
        ]
        let calendar = RenderFixtures.calendar(sessions.map { RenderFixtures.session($0.0, $0.1, $0.2) })
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write(ICalendarWriter().render(calendar), to: "dst.ics")

        let outcome = try Validators.validateICS([file], json: true)
        #expect(outcome.succeeded, "\(outcome.standardError)")
        let reports = try JSONDecoder().decode([ICSReport].self, from: Data(outcome.standardOutput.utf8))
        let events = try #require(reports.first?.events)
        try #require(events.count == sessions.count)
        for (event, session) in zip(events, sessions) {
            #expect(event.uid == session.0)
            for (time, expected) in [(event.dtstart, session.3), (event.dtend, session.4)] {
                #expect(time?.utc_ical == expected, "ical, \(session.0)")
                #expect(time?.utc_icalendar == expected, "icalendar, \(session.0)")
                #expect(time?.utc_vtimezone == expected, "VTIMEZONE, \(session.0)")
            }
            let instant = LocalDateTime.utcBasic(RenderFixtures.local(session.1).instant(in: RenderFixtures.paris))
            #expect(instant == session.3.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: ""))
        }
    }
}

/// What `validate_ics.py --json` says of one file.
struct ICSReport: Decodable {
    var file: String
    var events: [Event]

    struct Event: Decodable {
        var uid: String
        var dtstart: Time?
        var dtend: Time?
        var summary_ical: String?
        var summary_icalendar: String?
        var description_ical: String?
        var description_icalendar: String?
    }

    struct Time: Decodable {
        var local: String?
        var date: String?
        var tzid: String?
        var utc_ical: String?
        var utc_icalendar: String?
        var utc_vtimezone: String?
    }
}
