import Foundation
import Testing
@testable import MediathequeKit

/// The portal's actions on the private pages: each where the guide puts it, only when
/// the rule allows it, with the id of what it acts on in its URL, and nowhere else.
struct PrivateActionsTests {
    /// Anne's loans of ``PrivateLoansTests`` (1 late, 2 awaited, 3 renewed once, 4 free),
    /// a loan of Bruno's (shared with Anne) that can be renewed, a waiting and an available
    /// hold, a returned loan and two saved searches, one switched off.
    static let sql = PrivateLoansTests.sql + """
        INSERT INTO loan (id, barcode, patron_card, library, borrowed_on, due_on, renewals, returned_on) VALUES
          (8, '34200000000004', '24200000000002', 'TAR', '{{d-3}}', '{{d+25}}', 0, NULL),
          (9, '34200000000003', '24200000000001', 'CAR', '{{d-40}}', '{{d-12}}', 0, '{{d-13}}');
        INSERT INTO hold (id, document_id, patron_card, pickup_library, placed_on, available_on, available_until, queue_position) VALUES
          (51, 1, '24200000000001', 'TAR', '{{d-9}}', NULL, NULL, 2),
          (52, 4, '24200000000001', 'TAR', '{{d-9}}', '{{d-1}}', '{{d+13}}', NULL);
        INSERT INTO saved_search (id, patron_card, name, scope, query, created_on, followed, active) VALUES
          (61, '24200000000001', 'Romans', 'catalogue', 'roman', '{{d-30}}', 1, 1),
          (62, '24200000000001', 'Ateliers', 'agenda', '', '{{d-30}}', 0, 0);
        """

    static func pages(_ config: SiteConfiguration = PrivateFixture.portal) throws -> [String: String] {
        let fixture = try PrivateFixture(sql: sql, config: config)
        defer { fixture.remove() }
        return try fixture.folderFiles(PrivateFixture.anne)
    }

    /// The URLs of `page` under the test portal, in order.
    static func portalLinks(_ html: String) -> [String] {
        html.components(separatedBy: "https://portail.example/").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test func renewalIsOfferedOnlyForRenewableLoansOfEveryAccount() throws {
        let loans = try #require(try Self.pages()["prets.html"])
        let renewals = Self.portalLinks(loans).filter { $0.hasPrefix("prolonger/") }
        // Loan 4 (own) and loan 8 (Bruno's, shared): never the late, awaited or renewed ones.
        #expect(renewals == ["prolonger/4", "prolonger/8"])
        #expect(loans.contains(#"<a class="action" href="https://portail.example/prolonger/4">Prolonger<span class="visually-hidden"> Libre comme l&#39;air</span></a>"#))
        // The selection form and one checkbox per renewable loan.
        #expect(loans.contains(#"<form id="prolonger-selection" class="renew-selection" method="get" action="https://portail.example/prolonger">"#))
        let boxes = loans.components(separatedBy: #"name="loan" value=""#).dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(boxes == ["4", "8"])
        // Every title links to its record.
        for document in 1...4 { #expect(loans.contains("https://portail.example/notice/\(document)\"")) }
    }

    @Test func onlyAWaitingHoldCanBeCancelled() throws {
        let holds = try #require(try Self.pages()["reservations.html"])
        #expect(Self.portalLinks(holds).filter { $0.hasPrefix("annuler/") } == ["annuler/51"])
        #expect(holds.contains("Annuler<span class=\"visually-hidden\"> la réservation de Retard sans appel</span>"))
        // The available hold keeps the guide's sentence.
        #expect(holds.contains("Ne peut pas être annulée en ligne : adressez-vous au personnel"))
    }

    @Test func theOtherPagesHaveTheGuidesActions() throws {
        let pages = try Self.pages()
        let history = try #require(pages["historique.html"])
        #expect(Self.portalLinks(history) == ["notice/3", "avis/3", "favoris/3"])
        #expect(history.contains("Donner mon avis<span class=\"visually-hidden\"> sur Déjà prolongé</span>"))
        let profile = try #require(pages["profil.html"])
        #expect(Self.portalLinks(profile) == ["profil", "mot-de-passe"])
        #expect(Self.portalLinks(try #require(pages["index.html"])) == ["comptes-partages"])
        // A switched-off search cannot be switched off again.
        #expect(Self.portalLinks(try #require(pages["recherches.html"])) == [
            "recherches/61", "recherches/61/desactiver", "recherches/61/supprimer",
            "recherches/62", "recherches/62/supprimer",
        ])
    }

    /// The summary is for keeping and printing: no action, the portal's address once.
    @Test func theSummaryHasNoActionButThePortal() throws {
        let summary = try #require(try Self.pages()["synthese.html"])
        let links = Self.portalLinks(summary)
        #expect(!links.contains { $0.hasPrefix("prolonger") || $0.hasPrefix("annuler") })
        #expect(!summary.contains("type=\"checkbox\""))
        #expect(summary.components(separatedBy: "https://portail.example/compte").count - 1 == 2) // the link and its text
    }

    @Test func anEmptyPatternHidesItsAction() throws {
        let pages = try Self.pages(SiteConfiguration())
        for (path, text) in pages where path.hasSuffix(".html") {
            #expect(!text.contains("class=\"action\""), "\(path)")
            #expect(!text.contains("type=\"checkbox\""), "\(path)")
        }
        #expect(pages["reservations.html"]!.contains("Annulable en ligne"))
        #expect(SiteConfiguration().actions.off.count == PortalActions.Action.allCases.count)
        #expect(PrivateFixture.portal.actions.off.isEmpty)
    }

    @Test func idsAreURLEncoded() throws {
        let pattern = try URLPattern("https://portail.example/prolonger?exemplaire={barcode}", placeholders: ["loan", "barcode"], required: 1)
        #expect(pattern.url(["loan": "1", "barcode": "34 é&/?"]) == "https://portail.example/prolonger?exemplaire=34%20%C3%A9%26%2F%3F")
        #expect(pattern.url(["barcode": "34200021072893"]) == "https://portail.example/prolonger?exemplaire=34200021072893")
    }

    @Test func aPatternWithoutItsPlaceholderIsRefused() {
        for (line, why) in [
            ("cancel_hold_url = https://x.example/annuler", "must hold {hold}"),
            ("renew_loan_url = https://x.example/prolonger", "must hold {loan} or {barcode}"),
            ("review_url = https://x.example/avis/{card}", "unknown placeholder {card}"),
            ("edit_profile_url = https://x.example/{document}", "unknown placeholder {document}"),
            ("catalogue_record_url = /notice/{document}", "absolute http(s) URL"),
            ("registration_url = https://x.example/inscription?event={event}", "must hold {event} and {session}"),
        ] {
            #expect("\(line)") {
                try SiteConfiguration.parse("# portail\n" + line + "\n", file: "Site/site.conf")
            } throws: { error in
                let text = "\(error)"
                return text.contains("Site/site.conf:2:") && text.contains(why)
            }
        }
    }
}
