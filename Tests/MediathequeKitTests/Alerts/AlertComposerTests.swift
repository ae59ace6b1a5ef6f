import Foundation
import Mustache
import Testing
@testable import MediathequeKit

/// A patron's alert as a message: headers, links, the cap with « et N autres », and
/// hostile text kept inert; the settings it reads from site.conf.
struct AlertComposerTests {
    static let patron = Patron(cardNumber: "24200001234576", pseudo: "E", firstName: "Éloïse", lastName: "Müller\r\nBcc: x@y.z",
                               email: "eloise@example.org", membershipExpires: Day(iso: "2027-01-01")!)

    static func composer(_ config: SiteConfiguration = SiteConfiguration()) throws -> AlertComposer {
        let finder = AlertFinderTests.finder()
        var content = finder.content
        content.config = config
        return try AlertComposer(content: content, templates: try TemplateSet(directory: Repository.templates), secret: .demo)
    }

    static func alert(documents count: Int, title: String = "Recette") -> Alert {
        let search = AlertFinderTests.search(42, .catalogue, .daily, facets: [:])
        let items = (1...count).map { AlertItem.document(AlertFinderTests.document(Int64($0), "\(title) \($0)", added: "2026-12-06")) }
        let window = AlertWindow(first: Day(iso: "2026-12-06")!, last: Day(iso: "2026-12-06")!)
        return Alert(patron: patron, day: AlertFinderTests.monday, sections: [AlertSection(search: search, window: window, items: items)])
    }

    @Test func headers() throws {
        let message = try Self.composer().message(for: Self.alert(documents: 2), to: "eloise@example.org")
        #expect(message.from == MailAddress(name: "Médiathèques de Saint-Étienne", address: "alertes@mediatheques.example"))
        #expect(message.to == MailAddress(name: "Éloïse Müller Bcc: x@y.z", address: "eloise@example.org"), "one line")
        #expect(message.subject == "Nouveaux résultats : «\u{A0}Recherche 42\u{A0}» (2)")
        #expect(message.date == "Mon, 07 Dec 2026 00:00:00 +0100")
        #expect(message.listID == "alertes.mediatheques.example")
        #expect(message.listUnsubscribe == "https://mediatheques.example/compte/centres-d-interet")
        #expect(message.messageID.hasPrefix("alerte-20261207-") && message.messageID.hasSuffix("@mediatheques.example"))
        #expect(!message.messageID.contains(Self.patron.cardNumber))
    }

    @Test func theSameAlertGetsTheSameIdAnotherDayAnother() throws {
        let composer = try Self.composer()
        #expect(composer.messageID(card: "1", day: AlertFinderTests.monday) == composer.messageID(card: "1", day: AlertFinderTests.monday))
        #expect(composer.messageID(card: "1", day: AlertFinderTests.monday) != composer.messageID(card: "2", day: AlertFinderTests.monday))
        #expect(composer.messageID(card: "1", day: AlertFinderTests.monday) != composer.messageID(card: "1", day: AlertFinderTests.monday.adding(days: 1)))
    }

    @Test func resultsAreCappedThenLinkToTheSearchFeed() throws {
        var config = SiteConfiguration()
        config.alertResultsPerSearch = 3
        try config.actions.set(.catalogueRecord, "https://mediatheques.example/catalogue/notice?id={document}")
        let message = try Self.composer(config).message(for: Self.alert(documents: 5), to: "eloise@example.org")
        let token = PatronToken(secret: SiteSecret.demo.bytes).token(for: Self.patron)
        let feed = "https://mediatheques.example/espace/\(token)/recherches/42.rss"
        #expect(message.text.contains("… et 2 autres : \(feed)"))
        #expect(message.html.contains("<a href=\"\(feed)\">et 2 autres</a>"))
        for n in 1...3 { #expect(message.text.contains("- Recette \(n)\n")) }
        #expect(!message.text.contains("Recette 4") && !message.html.contains("Recette 4"))
        #expect(message.html.contains("href=\"https://mediatheques.example/catalogue/notice?id=3\""))
    }

    @Test func withoutARecordPatternTitlesAreNotLinks() throws {
        var config = SiteConfiguration()
        config.actions[.catalogueRecord] = nil
        let message = try Self.composer(config).message(for: Self.alert(documents: 1), to: "eloise@example.org")
        #expect(message.html.contains("<li>Recette 1<br>"))
        #expect(!message.text.contains("catalogue/notice"))
    }

    @Test func agendaResultsLinkToThePublicEventPage() throws {
        let finder = AlertFinderTests.finder()
        let search = AlertFinderTests.search(7, .agenda, .daily, facets: ["category": ["Rencontre"]])
        let alert = try #require(finder.alert(for: Self.patron, searches: [search]))
        let message = try Self.composer().message(for: alert, to: "eloise@example.org")
        #expect(message.html.contains("<a href=\"https://mediatheques.example/agenda/coming/\">Événement coming</a>"))
        #expect(message.text.contains("dimanche 20 décembre 2026 à 18:00, Tarentaize : Entrée libre et 1 autre séance"))
        #expect(message.subject == "Nouveaux résultats : «\u{A0}Recherche 7\u{A0}» (1)")
    }

    @Test func hostileTextStaysText() throws {
        let title = "<script>alert(\"x\")</script> & \u{1}Été\r\nBcc: y@z.org \"\u{301}"
        let message = try Self.composer().message(for: Self.alert(documents: 1, title: title), to: "eloise@example.org")
        #expect(!message.html.contains("<script>"))
        #expect(message.html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Été Bcc: y@z.org &quot;"))
        #expect(message.text.contains("- <script>alert(\"x\")</script> & Été Bcc: y@z.org \""))
        #expect(!message.text.contains("\u{1}") && !message.text.contains("\r") && !message.text.contains("\nBcc"))
    }

    /// The views answer Mustache's lookups with a switch: each must name every stored property.
    @Test func everyStoredPropertyOfTheViewsIsFound() throws {
        var config = SiteConfiguration()
        config.alertResultsPerSearch = 1
        let (_, view) = try Self.composer(config).view(of: Self.alert(documents: 2))
        var checked = 0
        /// A value, optionals unwrapped at any depth (a switch answers `Any?`).
        func describe(_ value: Any) -> String {
            let mirror = Mirror(reflecting: value)
            guard mirror.displayStyle == .optional else { return String(describing: value) }
            return mirror.children.first.map { describe($0.value) } ?? "nil"
        }
        func check(_ value: Any) {
            let mirror = Mirror(reflecting: value)
            switch mirror.displayStyle {
            case .collection?, .optional?:
                for child in mirror.children { check(child.value) }
            case .class?:
                guard String(reflecting: type(of: value)).hasPrefix("MediathequeKit.AlertMessageView") else { return }
                guard let parent = value as? any MustacheParent else {
                    Issue.record("\(type(of: value)) has no switch")
                    return
                }
                for child in mirror.children {
                    guard let label = child.label else { continue }
                    #expect(describe(parent.child(named: label) as Any) == describe(child.value), "\(type(of: value)).\(label)")
                    checked += 1
                    check(child.value)
                }
            default:
                return
            }
        }
        check(view)
        #expect(checked == 6 + 5 + 3 + 2, "every property of the four views")
    }

    @Test func addresses() {
        for valid in ["a@b.fr", "aurore.boreale@example.org", "x+tag@mail.example.co.uk", "o'neil@example.org"] {
            #expect(MailAddress.isValid(valid), "\(valid)")
        }
        for invalid in ["", "a", "a@b", "a@@b.fr", "a b@c.fr", "a@b.fr, c@d.fr", "a@b.fr\r\nBcc: c@d.fr", "<a@b.fr>", "a.@b.fr",
                        ".a@b.fr", "a..b@c.fr", "élodie@example.org", "a@-b.fr", "a@b_c.fr", "\"a\"@b.fr"] {
            #expect(!MailAddress.isValid(invalid), "\(invalid)")
        }
        #expect(MailAddress.parse("Médiathèques <alertes@example.org>") == MailAddress(name: "Médiathèques", address: "alertes@example.org"))
        #expect(MailAddress.parse(" alertes@example.org ") == MailAddress(name: nil, address: "alertes@example.org"))
        #expect(MailAddress.parse("A <b> <c@d.fr>") == nil)
    }

    @Test func settings() throws {
        let config = try SiteConfiguration.parse("""
            catalogue_record_url = https://portail.example/notice/{document}
            alert_from = alertes@portail.example
            alert_settings_url = https://portail.example/compte/alertes
            alert_results_per_search = 12
            """, file: "site.conf")
        #expect(config.catalogueRecordURL(document: 7) == "https://portail.example/notice/7")
        #expect(config.alertFrom == MailAddress(name: nil, address: "alertes@portail.example"))
        #expect(config.alertSettingsURL == "https://portail.example/compte/alertes")
        #expect(config.alertResultsPerSearch == 12)
        #expect(try SiteConfiguration.parse("catalogue_record_url =", file: "site.conf").catalogueRecordURL(document: 7) == nil)
        let bad: [(String, String)] = [
            ("catalogue_record_url = https://portail.example/notice", "catalogue_record_url"),
            ("catalogue_record_url = javascript:alert({document})", "catalogue_record_url"),
            ("alert_from = pas une adresse", "alert_from"),
            ("alert_from = a@b.fr, c@d.fr", "alert_from"),
            ("alert_settings_url = https://portail.example/{search}", "alert_settings_url"),
            ("alert_results_per_search = 0", "alert_results_per_search"),
        ]
        for (line, fragment) in bad {
            do {
                _ = try SiteConfiguration.parse(line, file: "site.conf")
                Issue.record("\(line) was accepted")
            } catch {
                #expect("\(error)".hasPrefix("site.conf:1:") && "\(error)".contains("key '\(fragment)': bad value"), "\(error)")
            }
        }
    }
}
