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
        var config = SiteConfiguration()
        config.calendarMonths = 12 // October is in the calendar
        let files = try S.render(S.content(events: [event], config: config))
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

    /// « Ajouter à mon agenda »: one file per coming session not cancelled, the same VEVENT as in
    /// `agenda.ics` (its UID above all), linked from its row; the demo's files pass the parsers above.
    @Test func eachComingSessionHasItsOwnCalendar() throws {
        let files = try S.render(S.content(events: [EventPageTests.event]))
        let agenda = unfold(try #require(files["agenda.ics"]))
        let page = try #require(files["agenda/club.lecture-2025/index.html"])
        for entry in EventPageTests.sessions {
            let id = entry.session.id
            let path = "agenda/club.lecture-2025/seance-\(id).ics"
            let link = "<a class=\"add-to-calendar\" href=\"../../agenda/club.lecture-2025/seance-\(id).ics\" type=\"text/calendar\" download>Ajouter à mon agenda"
            if id == "termine" || id == "annule" {
                #expect(files[path] == nil, "\(id)")
                #expect(!page.contains(link), "\(id)")
                continue
            }
            let ics = unfold(try #require(files[path], "\(id)"))
            #expect(ics.components(separatedBy: "BEGIN:VEVENT").count == 2)
            #expect(!ics.contains("X-WR-CALNAME") && !ics.contains("REFRESH-INTERVAL"))
            let vevent = try #require(ics.components(separatedBy: "BEGIN:VEVENT").last?.components(separatedBy: "END:VEVENT").first)
            #expect(agenda.contains(vevent), "\(id): the same VEVENT as agenda.ics")
            #expect(vevent.contains("UID:session-club.lecture-2025-\(id)@mediatheques.example"))
            #expect(page.contains(link), "\(id)")
        }
    }

    /// The subscribed calendars stop `calendar_months` ahead; the pages and each session's own file do not.
    @Test func theSubscribedCalendarsStopAtTheirWindow() throws {
        let tar = S.libraries["TAR"]!
        func session(_ id: String, _ start: String) -> Session {
            Session(id: id, library: tar, start: S.at(start + "T10:00"), end: S.at(start + "T11:00"), registration: .none)
        }
        let event = Event(id: "saison", updated: S.at("2025-03-01T10:00"), title: "Saison", categories: ["Lecture"],
                          sessions: [session("avril", "2025-04-27"), session("limite", "2025-04-28"), session("juin", "2025-06-10")])
        var config = try SiteConfiguration.parse("calendar_months = 1\n", file: "site.conf")
        #expect(config.calendarMonths == 1)
        let files = try S.render(S.content(events: [event], config: config))
        for path in ["agenda.ics", "agenda/lieux/tar.ics", "agenda/categories/lecture.ics"] {
            let ics = try #require(files[path], "\(path)")
            #expect(ics.contains("UID:session-saison-avril@"), "\(path)")
            #expect(!ics.contains("UID:session-saison-limite@") && !ics.contains("UID:session-saison-juin@"), "\(path)")
        }
        #expect(files["agenda/saison/seance-juin.ics"] != nil)
        #expect(try #require(files["agenda/saison/index.html"]).contains("<tr id=\"seance-juin\""))
        config = SiteConfiguration()
        #expect(config.calendarMonths == 3)
        #expect(try S.render(S.content(events: [event], config: config))["agenda.ics"]?.contains("UID:session-saison-juin@") == true)
        #expect(throws: (any Error).self) { try SiteConfiguration.parse("calendar_months = 0\n", file: "site.conf") }
    }
}
