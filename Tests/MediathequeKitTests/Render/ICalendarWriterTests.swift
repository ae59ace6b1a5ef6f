import Foundation
import Testing
@testable import MediathequeKit

struct ICalendarWriterTests {
    let writer = ICalendarWriter()

    private func render(_ events: [ICalendarEvent]) -> ICSText {
        ICSText(writer.render(RenderFixtures.calendar(events)))
    }

    @Test func writesTheWholeCalendar() {
        var event = RenderFixtures.session("bebes-lecteurs.s-0307-1900@mediatheques.example",
                                           "2025-03-07T19:00", "2025-03-07T20:30")
        event.description = "Comptines; jeux de doigts, albums.\nPour les 0-3 ans."
        event.location = "Médiathèque Tarentaize, 24 rue Jo Gouttebarge"
        event.url = "https://mediatheques.example/agenda/bebes-lecteurs/"
        event.categories = ["Jeunesse", "Lecture"]
        event.lastModified = RenderFixtures.utc("2025-02-20T09:00:00Z")
        let due = ICalendarEvent(uid: "pret-42@mediatheques.example", stamp: RenderFixtures.utc("2025-03-01T05:00:00Z"),
                                 sequence: 2, timing: .day(RenderFixtures.day("2025-03-12")), summary: "À rendre : Le Petit Prince")
        let expected = """
            BEGIN:VCALENDAR
            VERSION:2.0
            PRODID:-//Médiathèques//mediatheque//FR
            CALSCALE:GREGORIAN
            METHOD:PUBLISH
            NAME:Agenda des médiathèques
            X-WR-CALNAME:Agenda des médiathèques
            DESCRIPTION:Les animations du réseau
            X-WR-CALDESC:Les animations du réseau
            URL:https://mediatheques.example/agenda/
            REFRESH-INTERVAL;VALUE=DURATION:PT12H
            X-PUBLISHED-TTL:PT12H
            X-WR-TIMEZONE:Europe/Paris
            BEGIN:VTIMEZONE
            TZID:Europe/Paris
            X-LIC-LOCATION:Europe/Paris
            BEGIN:STANDARD
            DTSTART:20241027T030000
            TZOFFSETFROM:+0200
            TZOFFSETTO:+0100
            END:STANDARD
            BEGIN:DAYLIGHT
            DTSTART:20250330T020000
            TZOFFSETFROM:+0100
            TZOFFSETTO:+0200
            END:DAYLIGHT
            BEGIN:STANDARD
            DTSTART:20251026T030000
            TZOFFSETFROM:+0200
            TZOFFSETTO:+0100
            END:STANDARD
            END:VTIMEZONE
            BEGIN:VEVENT
            UID:bebes-lecteurs.s-0307-1900@mediatheques.example
            DTSTAMP:20250220T090000Z
            SEQUENCE:0
            DTSTART;TZID=Europe/Paris:20250307T190000
            DTEND;TZID=Europe/Paris:20250307T203000
            SUMMARY:Bébés lecteurs
            DESCRIPTION:Comptines\\; jeux de doigts\\, albums.\\nPour les 0-3 ans.
            LOCATION:Médiathèque Tarentaize\\, 24 rue Jo Gouttebarge
            URL:https://mediatheques.example/agenda/bebes-lecteurs/
            CATEGORIES:Jeunesse,Lecture
            STATUS:CONFIRMED
            LAST-MODIFIED:20250220T090000Z
            END:VEVENT
            BEGIN:VEVENT
            UID:pret-42@mediatheques.example
            DTSTAMP:20250301T050000Z
            SEQUENCE:2
            DTSTART;VALUE=DATE:20250312
            DTEND;VALUE=DATE:20250313
            SUMMARY:À rendre : Le Petit Prince
            STATUS:CONFIRMED
            END:VEVENT
            END:VCALENDAR

            """.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(writer.render(RenderFixtures.calendar([event, due])) == expected)
    }

    @Test func isDeterministic() {
        let calendar = RenderFixtures.awkwardCalendar
        #expect(writer.render(calendar) == writer.render(calendar))
        #expect(Array(writer.render(calendar).utf8) == Array(ICalendarWriter().render(calendar).utf8))
    }

    @Test func endsEveryLineWithCRLF() {
        let bytes = Array(writer.render(RenderFixtures.awkwardCalendar).utf8)
        #expect(bytes.suffix(2) == [0x0D, 0x0A])
        for (index, byte) in bytes.enumerated() {
            if byte == 0x0A { #expect(index > 0 && bytes[index - 1] == 0x0D, "bare LF at \(index)") }
            if byte == 0x0D { #expect(index + 1 < bytes.count && bytes[index + 1] == 0x0A, "bare CR at \(index)") }
        }
    }

    @Test func escapesText() {
        #expect(ICalendarWriter.escape(#"a\b;c,d"#) == #"a\\b\;c\,d"#)
        #expect(ICalendarWriter.escape("one\ntwo\r\nthree\rfour") == #"one\ntwo\nthreefour"#)
        #expect(ICalendarWriter.escape("\\n") == #"\\n"#)
        #expect(ICalendarWriter.escape("a\u{0}\u{1B}\u{7F}\u{85}\tb") == "a\tb")
        #expect(ICalendarWriter.escape("BEGIN:VEVENT") == "BEGIN:VEVENT")
    }

    @Test func writesParameterValuesSafely() {
        #expect(ICalendarWriter.parameterValue("Europe/Paris") == "Europe/Paris")
        #expect(ICalendarWriter.parameterValue("a:b;c") == "\"a:b;c\"")
        #expect(ICalendarWriter.parameterValue("a\"b\nc") == "abc")
    }

    @Test(arguments: [
        (1, "75 octets fit on one line", ["SUMMARY:" + String(repeating: "a", count: 67)]),
        (2, "76 octets make a 75-octet line and a 2-octet continuation",
         ["SUMMARY:" + String(repeating: "a", count: 67), " a"]),
    ])
    func foldsAtExactly75Octets(lines: Int, _ comment: String, expected: [String]) {
        let text = "SUMMARY:" + String(repeating: "a", count: 66 + lines)
        var output: [UInt8] = []
        ContentLines.fold(Array(text.utf8), into: &output)
        #expect(String(decoding: output, as: UTF8.self) == expected.joined(separator: "\r\n") + "\r\n", "\(comment)")
    }

    /// Each multi-byte character, shifted through every position around the
    /// 75th octet: no physical line over 75 octets, none cut inside a character,
    /// every continuation starting with one space, and unfolding gives the line back.
    @Test(arguments: ["é", "図", "📚", "👨‍👩‍👧‍👦", "مك"])
    func foldsWithoutSplittingCharacters(_ character: String) {
        for shift in 0..<8 {
            let line = "SUMMARY:" + String(repeating: "x", count: 60 + shift) + String(repeating: character, count: 80)
            var output: [UInt8] = []
            ContentLines.fold(Array(line.utf8), into: &output)
            let physical = ICSText(String(decoding: output, as: UTF8.self)).physicalLines
            #expect(physical.count > 1)
            for (index, bytes) in physical.enumerated() {
                #expect(bytes.count <= 75)
                #expect(bytes.count >= 72 || index == physical.count - 1, "folded too early")
                #expect(String(validating: bytes, as: UTF8.self) != nil, "a fold cut a character")
                if index > 0 { #expect(bytes.first == 0x20 && bytes.dropFirst().first != 0x20) }
            }
            #expect(ICSText(String(decoding: output, as: UTF8.self)).contentLines == [line])
        }
    }

    @Test func foldsOutsideBackslashEscapes() {
        for shift in 0..<6 {
            let value = ICalendarWriter.escape(String(repeating: "x", count: shift) + String(repeating: "a\\;,\n\\", count: 40))
            var output: [UInt8] = []
            ContentLines.fold(Array(("DESCRIPTION:" + value).utf8), into: &output)
            let ics = ICSText(String(decoding: output, as: UTF8.self))
            for line in ics.physicalLines {
                let trailing = line.reversed().prefix { $0 == UInt8(ascii: "\\") }.count
                #expect(trailing % 2 == 0, "an escape is cut: \(String(decoding: line, as: UTF8.self))")
                #expect(line.count <= 75)
            }
            #expect(ics.contentLines == ["DESCRIPTION:" + value])
        }
    }

    @Test func foldsEveryLongLineOfACalendar() {
        let ics = ICSText(writer.render(RenderFixtures.awkwardCalendar))
        #expect(ics.physicalLines.allSatisfy { $0.count <= 75 && String(validating: $0, as: UTF8.self) != nil })
        #expect(ics.physicalLines.contains { $0.count == 75 })
    }

    @Test func embedsAVTimeZoneForEveryTZID() {
        let ics = ICSText(writer.render(RenderFixtures.awkwardCalendar))
        let used = Set(ics.contentLines.compactMap { line -> String? in
            guard let range = line.range(of: ";TZID=") else { return nil }
            return String(line[range.upperBound...].prefix { $0 != ":" && $0 != ";" })
        })
        let defined = Set(ics.components("VTIMEZONE").flatMap { ICSText.values("TZID", in: $0) })
        #expect(used == ["Europe/Paris"])
        #expect(used.isSubset(of: defined))
        #expect(ics.components("VTIMEZONE").count == 1)
    }

    @Test func givesEveryEventOneUIDAndOneUTCStamp() {
        let ics = ICSText(writer.render(RenderFixtures.awkwardCalendar))
        #expect(ics.events.count == RenderFixtures.awkwardCalendar.events.count)
        for event in ics.events {
            #expect(ICSText.values("UID", in: event).count == 1)
            let stamps = ICSText.values("DTSTAMP", in: event)
            #expect(stamps.count == 1)
            #expect(stamps.first.map { $0.count == 16 && $0.hasSuffix("Z") } == true)
        }
    }

    @Test func writesAllDayEventsWithAnExclusiveEnd() {
        let stamp = RenderFixtures.utc("2025-03-01T05:00:00Z")
        let ics = render([
            ICalendarEvent(uid: "one", stamp: stamp, timing: .day(RenderFixtures.day("2025-02-28")), summary: "Un jour"),
            ICalendarEvent(uid: "span", stamp: stamp, timing: .days(first: RenderFixtures.day("2025-12-30"),
                                                                     last: RenderFixtures.day("2026-01-02")), summary: "Fermé"),
            ICalendarEvent(uid: "reversed", stamp: stamp, timing: .days(first: RenderFixtures.day("2024-02-29"),
                                                                         last: RenderFixtures.day("2024-02-01")), summary: "?"),
        ])
        let expected = [("20250228", "20250301"), ("20251230", "20260103"), ("20240229", "20240301")]
        for (event, (start, end)) in zip(ics.events, expected) {
            #expect(ICSText.values("DTSTART;VALUE=DATE", in: event) == [start])
            #expect(ICSText.values("DTEND;VALUE=DATE", in: event) == [end])
        }
        #expect(ics.components("VTIMEZONE").isEmpty, "all-day dates are floating: no zone needed")
    }

    @Test func leavesOutAnEndThatIsNotAfterTheStart() {
        let ics = render([RenderFixtures.session("zero", "2025-03-07T19:00", "2025-03-07T19:00"),
                          RenderFixtures.session("backwards", "2025-03-07T19:00", "2025-03-07T18:00")])
        for event in ics.events {
            #expect(ICSText.values("DTSTART;TZID=Europe/Paris", in: event) == ["20250307T190000"])
            #expect(!event.contains { $0.hasPrefix("DTEND") })
        }
    }

    @Test func marksCancelledEvents() {
        let ics = render([RenderFixtures.session("c", "2025-03-14T10:00", "2025-03-14T11:00", status: .cancelled),
                          RenderFixtures.session("t", "2025-03-14T10:00", "2025-03-14T11:00", status: .tentative),
                          RenderFixtures.session("s", "2025-03-14T10:00", "2025-03-14T11:00")])
        #expect(ics.events.map { ICSText.values("STATUS", in: $0) } == [["CANCELLED"], ["TENTATIVE"], ["CONFIRMED"]])
    }

    @Test func writesLocalTimesOfTheChangeDaysAsGiven() {
        let ics = render([RenderFixtures.session("spring", "2025-03-30T10:00", "2025-03-30T11:00"),
                          RenderFixtures.session("autumn", "2025-10-26T02:30", "2025-10-26T03:30")])
        #expect(ICSText.values("DTSTART;TZID=Europe/Paris", in: ics.events[0]) == ["20250330T100000"])
        #expect(ICSText.values("DTEND;TZID=Europe/Paris", in: ics.events[1]) == ["20251026T033000"])
    }

    @Test func keepsHostileTextInsideItsProperty() {
        let ics = ICSText(writer.render(RenderFixtures.awkwardCalendar))
        let known: Set<String> = ["BEGIN", "END", "VERSION", "PRODID", "CALSCALE", "METHOD", "NAME", "X-WR-CALNAME",
                                  "DESCRIPTION", "X-WR-CALDESC", "URL", "REFRESH-INTERVAL", "X-PUBLISHED-TTL",
                                  "X-WR-TIMEZONE", "TZID", "X-LIC-LOCATION", "DTSTART", "DTEND", "TZOFFSETFROM",
                                  "TZOFFSETTO", "UID", "DTSTAMP", "SEQUENCE", "SUMMARY", "LOCATION", "CATEGORIES",
                                  "STATUS", "LAST-MODIFIED"]
        for line in ics.contentLines {
            let name = String(line.prefix { $0 != ":" && $0 != ";" })
            #expect(known.contains(name), "unexpected content line \(line.prefix(40))")
        }
        #expect(ics.contentLines.filter { $0 == "BEGIN:VEVENT" }.count == ics.events.count)
        #expect(!ics.text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\r" && $0 != "\n" && $0 != "\t" })
        #expect(!ics.text.unicodeScalars.contains { (0x7F...0x9F).contains($0.value) })
        let hostile = ics.events.first { ICSText.values("SEQUENCE", in: $0) == ["0"] && $0.contains { $0.contains("script") } }
        let summary = hostile.flatMap { ICSText.values("SUMMARY", in: $0).first }
        #expect(summary.map(Self.unescape) == Text.clean(RenderFixtures.hostile.replacingOccurrences(of: "\r", with: "")))
    }

    @Test func writesRefreshIntervals() {
        #expect(ICalendarWriter.duration(.seconds(12 * 3600)) == "PT12H")
        #expect(ICalendarWriter.duration(.seconds(86_400)) == "P1D")
        #expect(ICalendarWriter.duration(.seconds(7 * 86_400)) == "P1W")
        #expect(ICalendarWriter.duration(.seconds(90 * 60)) == "PT1H30M")
        #expect(ICalendarWriter.duration(.seconds(3630)) == "PT1H0M30S")
        #expect(ICalendarWriter.duration(.seconds(86_400 + 45)) == "P1DT45S")
        #expect(ICalendarWriter.duration(.milliseconds(999)) == nil)
        #expect(ICalendarWriter.duration(.seconds(-60)) == nil)
    }

    @Test func writesOffsets() {
        #expect(ICalendarWriter.offset(3600) == "+0100")
        #expect(ICalendarWriter.offset(0) == "+0000")
        #expect(ICalendarWriter.offset(-12_600) == "-0330")
        #expect(ICalendarWriter.offset(561) == "+000921")
    }

    /// The reverse of the writer's TEXT escaping, to read values back.
    static func unescape(_ value: String) -> String {
        var result = ""
        var escaping = false
        for character in value {
            if escaping {
                result.append(character == "n" || character == "N" ? "\n" : character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}
