import Foundation
@testable import MediathequeKit

/// Inputs shared by the renderer tests.
enum RenderFixtures {
    static let paris = TimeZone(identifier: "Europe/Paris")!

    static func day(_ iso: String) -> Day { Day(iso: iso)! }
    static func local(_ iso: String) -> LocalDateTime { LocalDateTime(iso: iso)! }
    /// An instant written as ISO 8601 UTC (`2025-03-01T05:00:00Z`).
    static func utc(_ iso: String) -> Date {
        precondition(iso.hasSuffix("Z"))
        return LocalDateTime(iso: iso.dropLast())!.instant(in: TimeZone(identifier: "UTC")!)
    }

    /// Everything a hostile or careless input could put in a text field.
    static let hostile = "<script>alert(\"x\")</script> & 'quotes' ]]> ; , \\ back\\slash\n"
        + "new line\r\nCRLF\rCR\t tab \u{0}\u{1}\u{7}\u{8}\u{B}\u{C}\u{1B}[31m\u{7F}\u{80}\u{85}\u{9F}"
        + noncharacters + " BEGIN:VEVENT &amp; <![CDATA[x]]> end"
    /// U+FFFE, U+FFFF, U+FDD0 and U+1FFFF: valid scalars that a Swift literal refuses.
    static let noncharacters = String(String.UnicodeScalarView([0xFFFE, 0xFFFF, 0xFDD0, 0x1FFFF].map { Unicode.Scalar($0)! }))
    static let arabic = "مكتبة الأطفال: قراءة القصص، والألعاب؛ للجميع"
    static let japanese = "図書館で読書会を開きます。絵本の読み聞かせ、工作；どなたでも"
    static let emoji = "📚 Lecture 👨‍👩‍👧‍👦 en famille 🇫🇷 ✂️"
    /// 2 000 characters mixing one-, two-, three- and four-byte UTF-8.
    static let longTitle: String = {
        let unit = Array("Médiathèque 図書館 📚 lecture, «conte»; ")
        return String((0..<2000).map { unit[$0 % unit.count] })
    }()

    static func session(_ uid: String, _ start: String, _ end: String, summary: String = "Bébés lecteurs",
                        status: ICalendarEvent.Status = .confirmed) -> ICalendarEvent {
        ICalendarEvent(uid: uid, stamp: utc("2025-02-20T09:00:00Z"), timing: .local(start: local(start), end: local(end)),
                       summary: summary, status: status)
    }

    static func calendar(_ events: [ICalendarEvent], zone: TimeZone = paris) -> ICalendar {
        ICalendar(productID: "-//Médiathèques//mediatheque//FR", name: "Agenda des médiathèques",
                  description: "Les animations du réseau", url: "https://mediatheques.example/agenda/",
                  refreshInterval: .seconds(12 * 3600), timeZone: zone, events: events)
    }

    /// An ICS text with a full set of awkward events.
    static var awkwardCalendar: ICalendar {
        var events = [
            session("gap@test", "2025-03-30T02:30", "2025-03-30T03:30", summary: "Dans le trou du printemps"),
            session("overlap@test", "2025-10-26T02:30", "2025-10-26T03:30", summary: "Heure répétée"),
            session("cancelled@test", "2025-03-14T10:00", "2025-03-14T11:00", status: .cancelled),
            ICalendarEvent(uid: "due@test", stamp: utc("2025-03-01T05:00:00Z"), timing: .day(day("2025-03-12")),
                           summary: "À rendre : 3 documents"),
            ICalendarEvent(uid: "span@test", stamp: utc("2025-03-01T05:00:00Z"),
                           timing: .days(first: day("2025-12-30"), last: day("2026-01-02")), summary: "Fermeture"),
        ]
        for (index, text) in [hostile, arabic, japanese, emoji, longTitle].enumerated() {
            events.append(ICalendarEvent(
                uid: "text-\(index)@test;\(text.prefix(20))", stamp: utc("2025-03-01T05:00:00Z"), sequence: index,
                timing: .local(start: local("2025-06-0\(index + 1)T18:00"), end: local("2025-06-0\(index + 1)T19:30")),
                summary: text, description: text + "\n\n" + text, location: text,
                url: "https://mediatheques.example/agenda/é vènement?q=\"<x>\"&a=1",
                categories: [text, "Jeunesse, Lecture", ""], lastModified: utc("2025-03-01T05:00:00Z")))
        }
        return calendar(events)
    }
}
