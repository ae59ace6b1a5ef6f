import Foundation
import Testing
@testable import MediathequeKit

/// `mediatheque alerts` on the demo, read back by Python's `email` package (policy default)
/// and the Nu HTML checker: the exact messages of a weekday (daily searches), a Monday
/// (weekly ones too) and the 1st (monthly ones too), and nothing for the searches that are
/// off, not followed, without news, or of a patron without an address.
@Suite(.serialized)
struct AlertsDemoTests {
    static let wednesday = "2026-12-09", monday = "2026-12-07", first = "2026-12-01"

    /// A search as a message shows it: its name, its results' titles, and « et N autres ».
    struct Section: Equatable, CustomStringConvertible {
        var name: String
        var titles: [String]
        var more: String? = nil
        var description: String { "\(name): \(titles)\(more.map { " + \($0)" } ?? "")" }
    }

    static let hostileName = "<script>alert('x')</script> & « Cuisine maison » Bcc: intrus@example.com"
    static let hostileTitle = "Cuisine maison <script>alert('x')</script> & « petits plats » Bcc: intrus@example.com"
    static let cookbooks = Section(name: "Recettes de cuisine", titles: ["Soupes du monde", "Légumes d'hiver", "Pâtisserie : les bases",
                                                                         "La cuisine de nos grands-mères", "Tajines et couscous"], more: "et 2 autres")
    static let mangas = Section(name: "Mangas : nouveautés", titles: ["Frieren. 12"])
    static let jean = [Section(name: hostileName, titles: [hostileTitle])]

    /// The hand-written followers' messages, by address; the generated patrons' are checked for form only.
    static let expected: [String: [String: [Section]]] = [
        wednesday: [
            "aurore.boreale@example.org": [mangas],
            "eloise.muller@example.org": [cookbooks],
            "jean.dupont@example.org": jean,
        ],
        monday: [
            "aurore.boreale@example.org": [Section(name: "Louca BD", titles: ["Louca. 11, Le grand saut"]), mangas,
                                           Section(name: "Contes de fée", titles: ["Les secrets de la Fée des neiges"])],
            "eloise.muller@example.org": [cookbooks, Section(name: "Jeux de société en famille", titles: ["Les Aventuriers du rail : le guide"]),
                                          Section(name: "Festivals", titles: ["Week-end bande dessinée"])],
            "jean.dupont@example.org": jean,
        ],
        first: [
            "aurore.boreale@example.org": [mangas],
            "eloise.muller@example.org": [cookbooks, Section(name: "Manufrance", titles: ["Conférence : Manufrance, une histoire stéphanoise"])],
            "jean.dupont@example.org": jean,
        ],
    ]

    /// Demo patrons who follow a search but must get nothing: no address (Paul), a search
    /// switched off and one not followed (Rose), nothing new (Léon); and some who follow none.
    static let nobody = ["rose@example.org", "leon@example.org", "hannibal.lecteur@example.org", "marcel@example.org", "agnieszka@example.org"]

    func alerts(_ day: String, into outbox: URL) throws -> URL {
        let result = try Command.run(["alerts", "--today", day, "--outbox", outbox.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("1 without an e-mail address"), "Paul follows a search and has no address: \(result.stdout)")
        return outbox.appendingPathComponent(day)
    }

    func sections(_ message: [String: Any]) -> [Section] {
        ((message["searches"] as? [[String: Any]]) ?? []).map { search in
            Section(name: search["name"] as? String ?? "",
                    titles: ((search["results"] as? [[String: Any]]) ?? []).map { $0["title"] as? String ?? "" },
                    more: (search["more"] as? [String: Any])?["label"] as? String)
        }
    }

    /// The three days' HTML parts go through one run of the Nu checker.
    @Test(.requiresMailValidator) func messagesOfAWeekdayAMondayAndThe1st() throws {
        let dir = try TemporaryDirectory()
        let html = dir.url.appendingPathComponent("html")
        for day in [Self.wednesday, Self.monday, Self.first] {
            try check(day, outbox: dir.url.appendingPathComponent("outbox"), html: html.appendingPathComponent(day))
        }
        try checkHTML(html)
    }

    func check(_ day: String, outbox: URL, html: URL) throws {
        let batch = try alerts(day, into: outbox)
        let (outcome, messages) = try MailTools.validate(batch, htmlOut: html)
        #expect(outcome.succeeded, "\(outcome.standardError)")
        #expect(messages.count == Outbox.messages(in: batch).count)
        var byAddress: [String: [String: Any]] = [:]
        for message in messages {
            let to = try #require((message["to"] as? [[String: Any]])?.first?["address"] as? String)
            #expect(byAddress[to] == nil, "one message per patron")
            byAddress[to] = message
            let from = (message["from"] as? [[String: Any]])?.first
            #expect(from?["address"] as? String == "alertes@mediatheques.example" && from?["name"] as? String == "Médiathèques de Saint-Étienne")
            #expect(message["date"] as? String == "\(day)T00:00:00+01:00")
            #expect(message["list_id"] as? String == "Alertes des recherches suivies — Médiathèques de Saint-Étienne <alertes.mediatheques.example>")
            #expect(message["list_unsubscribe"] as? String == "<https://mediatheques.example/compte/centres-d-interet>")
            let id = try #require(message["message_id"] as? String)
            #expect(id.hasPrefix("<alerte-\(day.replacingOccurrences(of: "-", with: ""))-") && id.hasSuffix("@mediatheques.example>"))
            #expect(message["file"] as? String == String(id.dropFirst().prefix { $0 != "@" }) + ".eml")
            // Both parts say the same: every search and result of the HTML part is in the text part.
            let text = try #require(message["text"] as? String)
            let found = sections(message)
            #expect(!found.isEmpty)
            let subject = try #require(message["subject"] as? String)
            #expect(subject == "Nouveaux résultats : " + found.map { "«\u{A0}\($0.name)\u{A0}» (\($0.titles.count + (Int($0.more?.split(separator: " ")[1] ?? "0") ?? 0)))" }
                .joined(separator: ", "))
            for section in found {
                #expect(text.contains("«\u{A0}\(section.name)\u{A0}»\n"))
                for title in section.titles { #expect(text.contains("- \(title)\n"), "\(title) not in the text part") }
            }
            #expect(text.hasPrefix("Bonjour "))
        }
        for (address, expected) in Self.expected[day]! {
            let message = try #require(byAddress[address], "no message to \(address)")
            #expect(sections(message) == expected, "\(address)")
        }
        for address in Self.nobody { #expect(byAddress[address] == nil, "\(address) got a message") }
        // Accents and hostile text, decoded from their encoded words.
        #expect((byAddress["eloise.muller@example.org"]?["to"] as? [[String: Any]])?.first?["name"] as? String == "Éloïse Müller-Lefèvre")
        let jean = try #require(byAddress["jean.dupont@example.org"])
        #expect((jean["to"] as? [[String: Any]])?.first?["name"] as? String == "Jean <b>\"l'Intrus\"</b> Dupont Bcc: intrus@example.com")
        #expect(jean["subject"] as? String == "Nouveaux résultats : «\u{A0}\(Self.hostileName)\u{A0}» (1)")
        #expect((jean["html"] as? String)?.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;") == true)
        #expect((jean["text"] as? String)?.contains("Bonjour Jean <b>\"l'Intrus\"</b>,\n") == true)
    }

    func checkHTML(_ folder: URL) throws {
        guard Validators.required || PublicTestSupport.validatorAvailable else { return }
        let result = try PublicTestSupport.runValidator([folder.path])
        #expect(result.status == 0, "\(result.output)")
    }

    @Test(.requiresMailValidator) func theSameDayGivesTheSameBytes() throws {
        let dir = try TemporaryDirectory()
        let a = try alerts(Self.monday, into: dir.url.appendingPathComponent("a"))
        let b = try alerts(Self.monday, into: dir.url.appendingPathComponent("b"))
        let files = Outbox.messages(in: a).map(\.lastPathComponent)
        #expect(!files.isEmpty && files == Outbox.messages(in: b).map(\.lastPathComponent))
        for name in files {
            #expect(try Data(contentsOf: a.appendingPathComponent(name)) == Data(contentsOf: b.appendingPathComponent(name)))
        }
    }

    @Test func theOutboxIsNeverInsideABundle() throws {
        let dir = try TemporaryDirectory()
        try dir.write("_site/build-manifest.tsv", "")
        let result = try Command.run(["alerts", "--today", Self.monday, "--outbox", dir.path("_site/private/outbox")])
        #expect(result.status == 1 && result.stderr.contains("inside the bundle"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.path("_site/private/outbox/\(Self.monday)")))
    }
}
