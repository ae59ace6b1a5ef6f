import Foundation
import Testing
@testable import MediathequeKit

/// The schema.org JSON-LD of the event pages: one `Event` per coming session, with the
/// session's own offset, status and availability, inert inside its `<script>`.
struct StructuredDataTests {
    typealias S = PublicTestSupport

    @Test func availabilityFollowsThePlacesLeft() {
        #expect(EventStructuredData.availability(placesLeft: nil) == "InStock")
        #expect(EventStructuredData.availability(placesLeft: 0) == "SoldOut")
        #expect(EventStructuredData.availability(placesLeft: 1) == "LimitedAvailability")
        #expect(EventStructuredData.availability(placesLeft: EventStructuredData.limitedPlaces) == "LimitedAvailability")
        #expect(EventStructuredData.availability(placesLeft: EventStructuredData.limitedPlaces + 1) == "InStock")
    }

    @Test func datesCarryTheOffsetOfTheirDay() {
        let paris = TimeZone(identifier: "Europe/Paris")!
        #expect(S.at("2025-03-29T10:00").iso8601(in: paris) == "2025-03-29T10:00:00+01:00")
        #expect(S.at("2025-03-30T14:00").iso8601(in: paris) == "2025-03-30T14:00:00+02:00")
        // The hour skipped in spring keeps the offset before it, as in the calendars (01:30 UTC).
        #expect(S.at("2025-03-30T02:30").iso8601(in: paris) == "2025-03-30T02:30:00+01:00")
        // The hour repeated in autumn is its first occurrence.
        #expect(S.at("2025-10-26T02:30").iso8601(in: paris) == "2025-10-26T02:30:00+02:00")
        #expect(S.at("2025-01-01T00:00").iso8601(in: TimeZone(identifier: "America/St_Johns")!) == "2025-01-01T00:00:00-03:30")
    }

    @Test func aFrenchAddressIsSplitIntoStreetPostalCodeAndTown() {
        let split = EventStructuredData.postalAddress("20-24 rue Jo Gouttebarge, 42000 Saint-Étienne")
        #expect(split == .object(["@type": .string("PostalAddress"), "addressCountry": .string("FR"),
                                  "streetAddress": .string("20-24 rue Jo Gouttebarge"), "postalCode": .string("42000"),
                                  "addressLocality": .string("Saint-Étienne")]))
        let whole = EventStructuredData.postalAddress("Place du marché")
        #expect(whole == .object(["@type": .string("PostalAddress"), "addressCountry": .string("FR"),
                                  "streetAddress": .string("Place du marché")]))
    }

    /// The JSON-LD of a page: the text of its one `application/ld+json` script.
    static func structuredData(_ html: String) throws -> String {
        let open = try #require(html.range(of: "<script type=\"application/ld+json\">\n"))
        let close = try #require(html[open.upperBound...].range(of: "</script>"))
        return String(html[open.upperBound..<close.lowerBound])
    }

    @Test func hostileTextStaysInsideTheScript() throws {
        let files = try S.render(HostileTextTests.content())
        let page = try #require(files["agenda/hostile/index.html"])
        #expect(page.components(separatedBy: "<script").count == 2)
        #expect(page.components(separatedBy: "</script").count == 2)
        let json = try Self.structuredData(page)
        #expect(!json.contains("<") && !json.contains(">") && !json.contains("&"))
        let items = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(items.count == 1)
        #expect(items.first?["name"] as? String == Text.clean(HostileTextTests.content().feed.events[0].title))
        #expect(items.first?["image"] as? [String] == ["https://img.example/a%20b%22%3Cc%3E.jpg"])
        let long = try Self.structuredData(try #require(files["agenda/long/index.html"]))
        let longItems = try #require(try JSONSerialization.jsonObject(with: Data(long.utf8)) as? [[String: Any]])
        #expect(longItems.first?["image"] == nil, "a URL that is not http(s) is left out")
    }

    @Test func anEventWithoutComingSessionsHasNone() throws {
        let past = Event(id: "passe", updated: S.at("2025-03-01T10:00"), title: "Passé",
                         sessions: [Session(id: "s1", library: S.libraries["TAR"]!, start: S.at("2025-03-20T10:00"),
                                            end: S.at("2025-03-20T11:00"), registration: .none)])
        let page = try #require(try S.render(S.content(events: [past]))["agenda/passe/index.html"])
        #expect(!page.contains("<script"))
    }

    /// Every demo event page read by `extruct`, each Event checked against the feed and the database.
    @Test(.requiresJSONLDValidator) func theDemoPagesMatchTheFeed() throws {
        let demo = try DemoBuild.shared()
        let outcome = try Validators.validateJSONLD(publicFolder: demo.bundle.appendingPathComponent("public"), feed: demo.agenda,
                                                    database: demo.database, today: DemoBuild.today.iso)
        #expect(outcome.succeeded, "\(outcome.standardError)")
        let lines = outcome.standardOutput.split(separator: "\n").map { String($0) }
        // A cancelled, a postponed and a full session, and one on each side of the change to summer time (30/03/2025).
        #expect(lines.contains("bebes-lecteurs s-tar 2025-04-05T10:00:00+02:00 EventCancelled InStock"))
        #expect(lines.contains("conference-manufrance s2 2025-04-25T18:30:00+02:00 EventPostponed InStock"))
        #expect(lines.contains("atelier-minecraft s1 2025-04-01T14:00:00+02:00 EventScheduled SoldOut"))
        #expect(lines.contains("bebes-lecteurs s-ter 2025-03-29T10:00:00+01:00 EventScheduled InStock"))
        #expect(lines.contains("atelier-minecraft s2 2025-03-30T14:00:00+02:00 EventScheduled InStock"))
    }
}
