import Testing
@testable import MediathequeKit

/// The accessibility statement (`accessibilite/index.html`) RGAA requires, from the keys
/// `accessibility_*` of `site.conf`, and the mention every page's footer links to it with.
struct AccessibilityStatementTests {
    typealias S = PublicTestSupport

    static let audited = try! SiteConfiguration.parse("""
        accessibility_status = partiellement conforme
        accessibility_audit_date = 2025-03-01
        accessibility_contact = accessibilite@reseau.example
        """, file: "site.conf")

    @Test func theKeysAreReadAndCheckedTogether() throws {
        let statement = Self.audited.accessibility
        #expect(statement.compliance == .partial && statement.auditDate == Day(iso: "2025-03-01"))
        #expect(statement.contactHref == "mailto:accessibilite@reseau.example")
        #expect(try SiteConfiguration.parse("accessibility_contact = https://reseau.example/contact", file: "f")
            .accessibility.contactHref == "https://reseau.example/contact")
        // Without a key, the site is what the law calls a site never audited.
        #expect(SiteConfiguration().accessibility.compliance == .none)
        for (text, words) in [
            ("accessibility_status = conforme", "must be one of 'non conforme', 'partiellement conforme', 'totalement conforme'"),
            ("accessibility_audit_date = 01/03/2025", "must be a date, YYYY-MM-DD"),
            ("accessibility_contact = javascript:alert(1)", "an e-mail address or an absolute http(s) URL"),
            ("accessibility_status = totalement conforme", "needs the audit it rests on: set accessibility_audit_date"),
        ] {
            #expect { try SiteConfiguration.parse(text, file: "site.conf") } throws: { "\($0)".contains(words) }
        }
    }

    @Test func theStatementSaysTheComplianceTheAuditTheContactAndTheRedress() throws {
        let files = try S.render(S.content(events: PublicPlanTests.events, config: Self.audited))
        let page = try #require(files["accessibilite/index.html"])
        #expect(page.contains("<h1>Déclaration d&#39;accessibilité</h1>") || page.contains("<h1>Déclaration d'accessibilité</h1>"))
        #expect(page.contains("est <strong>partiellement conforme</strong> avec le référentiel général d'amélioration de l'accessibilité (RGAA), version&nbsp;4.1."))
        #expect(page.contains("réalisé le 1er mars 2025"))
        #expect(page.contains(#"<a href="mailto:accessibilite@reseau.example">accessibilite@reseau.example</a>"#))
        #expect(page.contains("Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07"))
        #expect(page.contains(#"<span aria-current="page">Déclaration d&#39;accessibilité</span>"#))
        #expect(files["sitemap.xml"]?.contains("<loc>https://mediatheques.example/accessibilite/</loc>") == true)
        // Never audited, it says so, and gives no date.
        let unaudited = try #require(try S.render(S.content(events: []))["accessibilite/index.html"])
        #expect(unaudited.contains("<strong>non conforme</strong>") && unaudited.contains("pas encore fait l'objet d'un audit"))
    }

    @Test func everyPublicPageLinksToTheStatementFromItsFooter() throws {
        let files = try S.render(S.content(events: PublicPlanTests.events, config: Self.audited))
        for (path, html) in files where path.hasSuffix(".html") {
            let footer = try #require(html.range(of: "<footer class=\"site-footer\">").map { html[$0.lowerBound...] }, "\(path)")
            let depth = path == "404.html" ? nil : path.split(separator: "/").count - 1
            let href = depth.map { String(repeating: "../", count: $0) } ?? "/"
            #expect(footer.contains("<a href=\"\(href)accessibilite/index.html\">Accessibilité : partiellement conforme</a>"), "\(path)")
        }
    }

    @Test func everyPrivatePageLinksToThePublicStatement() throws {
        let fixture = try PrivateFixture(config: Self.audited)
        defer { fixture.remove() }
        for (path, html) in try fixture.folderFiles(PrivateFixture.anne) where path.hasSuffix(".html") {
            #expect(html.contains(#"<a href="https://mediatheques.example/accessibilite/index.html">Accessibilité : partiellement conforme</a>"#),
                    "\(path)")
        }
    }
}

/// The breadcrumb sits between the header and `main` and ends with the page itself.
struct BreadcrumbTests {
    @Test func publicPagesEndTheirBreadcrumbWithThemselves() throws {
        let files = try PublicTestSupport.render(PublicTestSupport.content(events: PublicPlanTests.events))
        let event = try #require(files["agenda/b/index.html"])
        let trail = try #require(event.range(of: "<nav class=\"breadcrumb\""))
        #expect(trail.lowerBound < event.range(of: "<main id=\"contenu\">")!.lowerBound)
        #expect(event.contains("""
            <li><a href="../../index.html">Accueil</a></li>
            <li><a href="../../agenda/index.html">Agenda</a></li>
            <li><span aria-current="page">
            """))
        let agenda = try #require(files["agenda/index.html"])
        #expect(agenda.contains("<li><span aria-current=\"page\">Agenda</span></li>"))
        #expect(!(files["index.html"]!.contains("class=\"breadcrumb\"")))
    }

    @Test func theSummaryMarksNoMenuItemAndAShelfItsTrail() throws {
        let fixture = try PrivateFixture(sql: """
            INSERT INTO shelf (id, patron_card, name, kind, created_on) VALUES (3, '24200000000001', 'À lire', 'custom', '2025-01-02');
            """)
        defer { fixture.remove() }
        let files = try fixture.folderFiles(PrivateFixture.anne)
        let summary = try #require(files["synthese.html"])
        let menu = try #require(summary.range(of: "</nav>").map { summary[..<$0.lowerBound] })
        #expect(!menu.contains("aria-current"))
        #expect(summary.contains("<li><a href=\"index.html\">Mon compte</a></li>\n<li><span aria-current=\"page\">Synthèse de mes comptes</span></li>"))
        let shelf = try #require(files["favoris/3.html"])
        #expect(shelf.contains("<li><a href=\"../index.html\">Mon compte</a></li>\n<li><a href=\"index.html\">Mes favoris (mon panier)</a></li>\n<li><span aria-current=\"page\">À lire</span></li>"))
    }
}
