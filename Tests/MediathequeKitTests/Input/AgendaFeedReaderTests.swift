import Foundation
import Testing
@testable import MediathequeKit

struct AgendaFeedReaderTests {
    let goodEvent = """
        <event id="bebes-lecteurs-2025-t1" updated="2025-02-20T10:00:00">
          <title>Bébés lecteurs</title>
          <summary>Comptines &amp; jeux de doigts.</summary>
          <description>Un moment de partage autour du livre.

        Pour les enfants de 0 à 3 ans accompagnés.</description>
          <category>Jeunesse</category>
          <category>Lecture</category>
          <audience>0-3 ans</audience>
          <image href="https://mediatheques.example/img/bebes.jpg" alt="Un bébé feuillette un album"/>
          <accessibility>hi vi pi</accessibility>
          <session id="s-0312-0900" library="CAR" start="2025-03-12T09:00" end="2025-03-12T10:00" registration="none"/>
          <session id="s-0307-1900" library="TRE" start="2025-03-07T19:00" end="2025-03-07T20:30"
                   registration="online" capacity="20" opens="2025-02-20T10:00" closes="2025-03-07T12:00"/>
          <session id="s-0314-1000" library="TAR" start="2025-03-14T10:00" end="2025-03-14T11:00"
                   registration="desk" capacity="12" status="cancelled"/>
        </event>
        """

    func read(_ xml: String, libraries: [String: Library]? = Fixtures.libraries) throws -> AgendaFeed {
        try AgendaFeedReader(file: "agenda.xml", libraries: libraries).read(Data(xml.utf8))
    }

    /// The problems a feed raises, as the command prints them.
    func problems(_ xml: String) -> [String] {
        do {
            _ = try read(xml)
            return []
        } catch let error as InputProblems {
            return error.problems.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    @Test func readsTheSpecificationsExample() throws {
        let feed = try read(Fixtures.feed(goodEvent))
        #expect(feed.timeZone == "Europe/Paris")
        let event = try #require(feed.events.first)
        #expect(event.title == "Bébés lecteurs")
        #expect(event.summary == "Comptines & jeux de doigts.")
        #expect(event.paragraphs.count == 2)
        #expect(event.categories == ["Jeunesse", "Lecture"])
        #expect(event.accessibility == [.hearing, .visual, .psychic])
        #expect(event.sessions.map(\.id) == ["s-0312-0900", "s-0307-1900", "s-0314-1000"])
        #expect(event.sessions[1].capacity == 20 && event.sessions[1].registration == .online)
        #expect(event.sessions[1].library.name == "Tréfilerie")
        #expect(event.sessions[2].status == .cancelled)
    }

    @Test func textThatLooksLikeMarkupStaysText() throws {
        let event = goodEvent.replacingOccurrences(of: "accompagnés.", with: "&lt;script&gt;alert(1)&lt;/script&gt; ]]&gt;")
        let feed = try read(Fixtures.feed(event))
        #expect(feed.events[0].description?.contains("<script>alert(1)</script> ]]>") == true)
    }

    @Test func anElementInsideATextFieldIsAnError() {
        let found = problems(Fixtures.feed(goodEvent.replacingOccurrences(of: "accompagnés", with: "<b>accompagnés</b>")))
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.contains("<b> is not allowed inside <description>") == true)
        #expect(found.first?.hasPrefix("agenda.xml:8:") == true)
    }

    @Test func notWellFormedGivesLineAndColumn() {
        let found = problems(Fixtures.feed("<event id=\"e1\" updated=\"2025-02-20T10:00\">\n  <title>Oups</titel>\n</event>"))
        #expect(found.count == 1)
        let line = found[0]
        #expect(line.hasPrefix("agenda.xml:4:"), "\(line)")
        #expect(line.contains("not well-formed XML"))
    }

    @Test func anUnknownLibraryCodeIsNamedWithItsPlace() {
        let xml = Fixtures.feed(goodEvent.replacingOccurrences(of: "library=\"TRE\"", with: "library=\"XYZ\""))
        let found = problems(xml)
        #expect(found == ["agenda.xml:15:3: session 's-0307-1900' of event 'bebes-lecteurs-2025-t1': unknown library code 'XYZ'"])
    }

    @Test func duplicateIdsAreRefused() {
        let event = """
            <event id="e1" updated="2025-02-20T10:00"><title>A</title>
              <session id="s1" library="TAR" start="2025-03-12T09:00" end="2025-03-12T10:00" registration="none"/>
              <session id="s1" library="TAR" start="2025-03-13T09:00" end="2025-03-13T10:00" registration="none"/>
            </event>
            """
        let found = problems(Fixtures.feed(event + "\n" + event))
        #expect(found.contains { $0.contains(":3:3: session 's1' of event 'e1'") == false && $0.contains("duplicate session id 's1' in event 'e1'") })
        #expect(found.contains { $0.hasPrefix("agenda.xml:7:1:") && $0.contains("duplicate event id 'e1'") })
    }

    @Test func anEndBeforeItsStartIsRefused() {
        let found = problems(Fixtures.feed("""
            <event id="e1" updated="2025-02-20T10:00"><title>A</title>
              <session id="s1" library="TAR" start="2025-03-12T10:00" end="2025-03-12T09:00" registration="none"/>
            </event>
            """))
        #expect(found == ["agenda.xml:4:3: session 's1' of event 'e1': end 2025-03-12T09:00:00 is not after start 2025-03-12T10:00:00"])
    }

    @Test func aDoctypeWithEntitiesIsRefusedNotExpanded() {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE agenda [
              <!ENTITY lol "lol">
              <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
            ]>
            <agenda xmlns="urn:mediatheque:agenda:1" version="1" timezone="Europe/Paris" generated="2025-03-01T06:00">
              <event id="e1" updated="2025-02-20T10:00"><title>&lol2;</title>
                <session id="s1" library="TAR" start="2025-03-12T09:00" end="2025-03-12T10:00" registration="none"/></event>
            </agenda>
            """
        let found = problems(xml)
        #expect(found == ["agenda.xml:2:1: DOCTYPE is not allowed in the agenda feed (no DTD is loaded and no entity is ever expanded)"])
        let external = "<?xml version=\"1.0\"?>\n<!-- a comment -->\n<!DOCTYPE agenda SYSTEM \"file:///etc/passwd\">\n<agenda/>"
        #expect(problems(external).first?.contains("agenda.xml:3:1: DOCTYPE is not allowed") == true)
    }

    @Test func everyRuleOfTheSpecificationIsChecked() {
        let found = problems("""
            <?xml version="1.0" encoding="UTF-8"?>
            <agenda xmlns="urn:mediatheque:agenda:1" version="2" timezone="Mars/Olympus" generated="hier">
              <event id="bad id!" updated="2025-02-20T10:00">
                <title>A</title><title>B</title>
                <image href="javascript:alert(1)"/>
                <accessibility>hi xx</accessibility>
                <session id="s1" library="TAR" start="2025-03-12" end="2025-03-12T10:00" registration="maybe" capacity="-3" status="gone"/>
                <session id="s2" library="TAR" start="2025-03-12T09:00" end="2025-03-12T10:00" registration="online"
                         opens="2025-03-10T10:00" closes="2025-03-01T10:00"/>
                <venue>nowhere</venue>
              </event>
              <event id="e2" updated="2025-02-20T10:00"><title>No session</title></event>
            </agenda>
            """)
        let expected = ["version must be \"1\"", "timezone must be an IANA time zone name", "generated 'hier' is not a local time",
                        "event id 'bad id!' does not match", "has more than one <title>", "image href 'javascript:alert(1)'",
                        "image lacks its alt text", "unknown accessibility code 'xx'", "start '2025-03-12' is not a local time",
                        "registration must be none, desk or online", "capacity '-3' is not a whole number",
                        "status must be scheduled, cancelled or postponed", "closes 2025-03-01T10:00:00 is not after opens",
                        "<venue> is not allowed inside <event>", "event 'e2' has no <session>"]
        for fragment in expected {
            #expect(found.contains { $0.contains(fragment) }, "missing: \(fragment) in \(found)")
        }
        #expect(found.allSatisfy { $0.hasPrefix("agenda.xml:") })
    }

    @Test func theRootMustBeAnAgendaInTheNamespace() {
        #expect(problems("<agenda version=\"1\" timezone=\"Europe/Paris\" generated=\"2025-03-01T06:00\"/>").first?
            .contains("the root element must be <agenda xmlns=\"urn:mediatheque:agenda:1\">") == true)
        #expect(problems("").first?.contains("is empty") == true)
    }

    @Test func elementsOfOtherNamespacesAreIgnored() throws {
        let event = goodEvent.replacingOccurrences(of: "<audience>", with: "<x:note xmlns:x=\"urn:other\"><x:deep>ok</x:deep></x:note><audience>")
        #expect(try read(Fixtures.feed(event)).events.count == 1)
    }

    /// libxml2 checks an element's attributes for duplicates in quadratic time: a start tag
    /// with too many is refused before it parses, where it stands, and fast.
    @Test func anElementWithTooManyAttributesIsRefusedQuickly() throws {
        let many = (0..<200_000).map { " a\($0)=\"x\"" }.joined()
        let start = Date()
        let found = problems(Fixtures.feed("<event id=\"e1\" updated=\"2025-02-20T10:00\"\(many)>\n</event>"))
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(found == ["agenda.xml:3:1: an element has more than 64 attributes (refused: no feed of the contract has so many)"])
        // Quoted '=' and '>' are no attributes.
        let quoted = goodEvent.replacingOccurrences(of: "alt=\"Un bébé", with: "alt=\"a=b>c = d Un bébé")
        #expect(try read(Fixtures.feed(quoted)).events.count == 1)
    }

    @Test func anEventWithTooManyElementsIsRefused() {
        let many = String(repeating: "<x:n xmlns:x=\"urn:other\"/>", count: FeedBuilder.maxElementsPerEvent + 5)
        let found = problems(Fixtures.feed(goodEvent.replacingOccurrences(of: "<audience>", with: many + "<audience>")))
        // Reported where the 10,001st element opens; what the event lacks after it follows.
        #expect(found.first?.hasPrefix("agenda.xml:11:") == true, "\(found)")
        #expect(found.first?.contains("an event holds more than 10000 elements") == true, "\(found)")
    }

    @Test func onlyUTF8IsAccepted() throws {
        let latin = Fixtures.feed(goodEvent).replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"ISO-8859-1\"")
        #expect(problems(latin) == ["agenda.xml:1:1: declares the encoding 'ISO-8859-1': the agenda feed must be UTF-8"])
        var utf16 = Data([0xFF, 0xFE])
        utf16.append(Fixtures.feed(goodEvent).data(using: .utf16LittleEndian)!)
        #expect {
            try AgendaFeedReader(file: "agenda.xml", libraries: nil).read(utf16)
        } throws: { "\($0)".contains("is UTF-16: the agenda feed must be UTF-8") }
        let lower = Fixtures.feed(goodEvent).replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding='utf-8'")
        #expect(try read(lower).events.count == 1)
    }

    @Test func theLibraryCheckCanBeSkipped() throws {
        let event = goodEvent.replacingOccurrences(of: "\"TRE\"", with: "\"ZZZ\"")
        #expect(try read(Fixtures.feed(event), libraries: nil).events[0].sessions[1].library.code == "ZZZ")
    }

    @Test func aMissingFileIsNamed() {
        #expect { try AgendaFeedReader(file: "/nonexistent/agenda.xml", libraries: nil).read() } throws: {
            "\($0)".hasPrefix("/nonexistent/agenda.xml: cannot be read")
        }
    }

    @Test func theDemoFeedIsValid() throws {
        let dir = try TemporaryDirectory()
        let files = try DemoData(siteDirectory: Repository.site, today: Fixtures.day("2025-03-28")).materialize(into: dir.url)
        let db = try AccountDatabase(path: files.database)
        #expect(try db.contractProblems().problems.isEmpty)
        let feed = try AgendaFeedReader(file: files.agenda, libraries: db.libraries).read()
        #expect(feed.events.count >= 12)
    }
}
