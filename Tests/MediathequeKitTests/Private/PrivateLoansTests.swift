import Testing
@testable import MediathequeKit

/// `prets.html`: each loan's state, and whether it can be renewed or why not.
struct PrivateLoansTests {
    static let sql = """
        INSERT INTO document (id, title, kind, added_on) VALUES
          (1, 'Retard sans appel', 'Livre', '2024-01-01'), (2, 'Bientôt attendu', 'Vidéo', '2024-01-01'),
          (3, 'Déjà prolongé', 'Livre', '2024-01-01'), (4, 'Libre comme l''air', 'Musique', '2024-01-01');
        INSERT INTO item (barcode, document_id, library) VALUES
          ('34200000000001', 1, 'TAR'), ('34200000000002', 2, 'TAR'), ('34200000000003', 3, 'CAR'), ('34200000000004', 4, 'TAR');
        INSERT INTO loan (id, barcode, patron_card, library, borrowed_on, due_on, renewals) VALUES
          (1, '34200000000001', '24200000000001', 'TAR', '{{d-30}}', '{{d-2}}', 0),
          (2, '34200000000002', '24200000000001', 'TAR', '{{d-25}}', '{{d+3}}', 0),
          (3, '34200000000003', '24200000000001', 'CAR', '{{d-10}}', '{{d+18}}', 1),
          (4, '34200000000004', '24200000000001', 'TAR', '{{d-10}}', '{{d+4}}', 0);
        INSERT INTO hold (document_id, patron_card, pickup_library, placed_on, queue_position) VALUES
          (2, '24200000000003', 'TAR', '{{d-1}}', 1);
        """

    @Test func eachLoanShowsItsStateAndRenewal() throws {
        let fixture = try PrivateFixture(sql: Self.sql)
        defer { fixture.remove() }
        let rows = PrivateFixture.rows(try fixture.page(PrivateFixture.anne, "prets.html"))
        #expect(rows == [
            "Retard sans appel | 34200000000001 | Livre | Tarentaize | 26/03/2025 | En retard | Non | ! Document en retard : prolongation impossible",
            "Bientôt attendu | 34200000000002 | Vidéo | Tarentaize | 31/03/2025 | À rendre bientôt | Oui | ! Document réservé par un autre usager",
            "Libre comme l'air | 34200000000004 | Musique | Tarentaize | 01/04/2025 | En cours | Non | Possible",
            "Déjà prolongé | 34200000000003 | Livre | Carnot | 15/04/2025 | En cours | Non | ! Document déjà prolongé une fois",
        ])
    }

    @Test func refusalIsMarkedInRedAndSaidInWords() throws {
        let fixture = try PrivateFixture(sql: Self.sql)
        defer { fixture.remove() }
        let html = try fixture.page(PrivateFixture.anne, "prets.html")
        // The mark is decoration for sighted readers; the reason is text next to it.
        #expect(html.contains(#"<span class="refusal-mark" aria-hidden="true">!</span> Document en retard : prolongation impossible"#))
        #expect(html.contains("<th scope=\"col\">Attendu par un autre usager</th>"))
    }

    /// `max_renewals` is the network's rule: the refusal counts what it allows, and a
    /// network that allows none says so rather than "déjà prolongé".
    @Test(arguments: [0, 1, 2])
    func theRenewalLimitIsTheSetting(limit: Int) throws {
        var config = SiteConfiguration()
        config.rules.maxRenewals = limit
        let fixture = try PrivateFixture(sql: Self.sql, config: config)
        defer { fixture.remove() }
        // Loan 3 was renewed once; loan 4 never.
        let expected: (renewedOnce: String, neverRenewed: String) = switch limit {
        case 0: ("! Prolongation non autorisée", "! Prolongation non autorisée")
        case 1: ("! Document déjà prolongé une fois", "Possible")
        default: ("Possible", "Possible")
        }
        for page in ["prets.html", "synthese.html"] {
            let rows = PrivateFixture.rows(try fixture.page(PrivateFixture.anne, page))
            #expect(rows.contains { $0.hasPrefix("Déjà prolongé |") && $0.hasSuffix("| \(expected.renewedOnce)") }, "\(page)")
            #expect(rows.contains { $0.hasPrefix("Libre comme l'air |") && $0.hasSuffix("| \(expected.neverRenewed)") },
                    "\(page)")
            // Lateness and another patron's hold come first, whatever the limit.
            #expect(rows.contains { $0.hasSuffix("| ! Document en retard : prolongation impossible") }, "\(page)")
        }
        let loans = try fixture.page(PrivateFixture.anne, "prets.html")
        switch limit {
        case 0: #expect(loans.contains("Les prêts ne peuvent pas être prolongés en ligne"))
        case 1: #expect(loans.contains("Un document peut être prolongé une fois,"))
        default: #expect(loans.contains("Un document peut être prolongé deux fois,")
                         && loans.contains("les documents ayant déjà été prolongés deux fois ;"))
        }
    }

    /// The page and its printable twin show one table: the same columns, in the same order;
    /// the twin, a document read any day after its situation's, never says "À rendre bientôt".
    @Test func theSummaryShowsTheLoansTableOfThePage() throws {
        let fixture = try PrivateFixture(sql: Self.sql)
        defer { fixture.remove() }
        func table(_ page: String) throws -> String {
            let html = try fixture.page(PrivateFixture.anne, page)
            let start = try #require(html.range(of: "<table class=\"loans\">"))
            let end = try #require(html.range(of: "</table>", range: start.upperBound..<html.endIndex))
            return String(html[start.lowerBound..<end.upperBound])
        }
        let page = try table("prets.html")
        #expect(page.contains(LoanState.dueSoon.label))
        let read = page.replacingOccurrences(of: LoanState.dueSoon.label, with: LoanState.ongoing.label)
            .replacingOccurrences(of: "loan-\(LoanState.dueSoon.rawValue)", with: "loan-\(LoanState.ongoing.rawValue)")
        #expect(try read == table("synthese.html"))
        let headers = LoansTable.columns.map { "<th scope=\"col\">\($0.label)</th>" }.joined()
        #expect(try table("prets.html").contains(headers))
    }

    @Test func sharedAccountsGetTheirOwnTableLabelledWithTheMembersName() throws {
        let fixture = try PrivateFixture(sql: Self.sql + """
            INSERT INTO loan (id, barcode, patron_card, library, borrowed_on, due_on) VALUES
              (9, '34200000000004', '24200000000002', 'TAR', '{{d-1}}', '{{d+27}}');
            """)
        defer { fixture.remove() }
        let html = try fixture.page(PrivateFixture.anne, "prets.html")
        // The name is isolated (FSI … PDI): a right-to-left one cannot reorder the caption.
        #expect(html.contains("<caption id=\"compte-1-prets-legende\">Prêts en cours — \u{2068}Mon compte\u{2069}</caption>"))
        #expect(html.contains("<caption id=\"compte-2-prets-legende\">Prêts en cours — \u{2068}Bruno Berger\u{2069}</caption>"))
        let member = try #require(html.range(of: "Bruno Berger</h2>"))
        #expect(html[member.upperBound...].contains("24/04/2025"))
    }
}
