import Foundation
import Testing
@testable import MediathequeKit

/// The public calendars and feed: the right sessions with their status, the
/// right instants across summer time, and files that real parsers accept.
struct PublicFeedsTests {
    typealias S = PublicTestSupport

    func unfold(_ ics: String) -> String { ics.replacingOccurrences(of: "\r\n ", with: "") }

    @Test func theDescriptionCarriesStatusAndPlacesOfEveryState() throws {
        var confirmed: [SessionKey: Int] = [:]
        for entry in EventPageTests.sessions {
            confirmed[SessionKey(eventID: EventPageTests.event.id, sessionID: entry.session.id)] = entry.confirmed
        }
        let files = try S.render(S.content(events: [EventPageTests.event], confirmed: confirmed))
        let ics = unfold(try #require(files["agenda.ics"]))
        let events = ics.components(separatedBy: "BEGIN:VEVENT").dropFirst()
        for entry in EventPageTests.sessions where entry.session.id != "termine" {
            let vevent = try #require(events.first { $0.contains("UID:session-club.lecture-2025-\(entry.session.id)@") },
                                      "no VEVENT for \(entry.session.id)")
            let status = entry.status.replacingOccurrences(of: ",", with: "\\,")
            #expect(vevent.contains("Statut : \(status)"), "\(entry.session.id)")
            let places = entry.places == "Pas de limite" ? "Pas de limite" : "Places restantes : \(entry.places)"
            #expect(vevent.contains(places), "\(entry.session.id)")
        }
        #expect(!events.contains { $0.contains("-termine@") }) // an ended session is no longer "coming"
        let cancelled = try #require(events.first { $0.contains("-annule@") })
        #expect(cancelled.contains("STATUS:CANCELLED"))
    }

    @Test(.requiresICSValidators)
    func aSessionOnTheDaySummerTimeStartsHasTheRightInstant() throws {
        let tar = S.libraries["TAR"]!
        let event = Event(id: "printemps", updated: S.at("2025-03-01T10:00"), title: "Heure d'été", sessions: [
            Session(id: "matin", library: tar, start: S.at("2025-03-30T10:00"), end: S.at("2025-03-30T11:00"), registration: .none),
            Session(id: "nuit", library: tar, start: S.at("2025-03-30T01:30"), end: S.at("2025-03-30T03:30"), registration: .none),
            Session(id: "automne", library: tar, start: S.at("2025-10-26T10:00"), end: S.at("2025-10-26T11:00"), registration: .none),
        ])
        let files = try S.render(S.content(events: [event]))
        let dir = try TemporaryDirectory()
        let path = try dir.write("agenda.ics", try #require(files["agenda.ics"]))
        let script = """
            import sys, icalendar
            cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
            for e in cal.walk('VEVENT'):
                print(str(e['UID']).split('@')[0], e.decoded('DTSTART').astimezone(__import__('datetime').timezone.utc).strftime('%Y-%m-%dT%H:%MZ'),
                      e.decoded('DTEND').astimezone(__import__('datetime').timezone.utc).strftime('%Y-%m-%dT%H:%MZ'))
            """
        let outcome = try Validators.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script, path])
        #expect(outcome.succeeded, "\(outcome.standardError)")
        let lines = Set(outcome.standardOutput.split(separator: "\n").map(String.init))
        #expect(lines.contains("session-printemps-matin 2025-03-30T08:00Z 2025-03-30T09:00Z"))     // UTC+2 after 02:00
        #expect(lines.contains("session-printemps-nuit 2025-03-30T00:30Z 2025-03-30T01:30Z"))      // 01:30 is UTC+1, 03:30 is UTC+2
        #expect(lines.contains("session-printemps-automne 2025-10-26T09:00Z 2025-10-26T10:00Z"))   // back to UTC+1
        #expect(try Validators.validateICS([dir.url]).succeeded)
    }

    @Test(.requiresICSValidators, .requiresRSSValidators)
    func theDemosCalendarsAndFeedPassTheRealParsers() throws {
        let publicFolder = try DemoBuild.shared().bundle.appendingPathComponent("public")
        let calendars = S.files(in: publicFolder).filter { $0.hasSuffix(".ics") }
        #expect(calendars.contains("agenda.ics") && calendars.count > 10)
        let ics = try Validators.validateICS([publicFolder])
        #expect(ics.succeeded, "\(ics.standardError)")
        let rss = try Validators.validateRSS([publicFolder.appendingPathComponent("agenda.rss")])
        #expect(rss.succeeded, "\(rss.standardError)")
        let feed = try String(contentsOf: publicFolder.appendingPathComponent("agenda.rss"), encoding: .utf8)
        #expect(feed.contains("<atom:link href=\"https://mediatheques.example/agenda.rss\" rel=\"self\""))
        #expect(feed.contains("<guid>https://mediatheques.example/agenda/bebes-lecteurs/</guid>"))
    }
}
