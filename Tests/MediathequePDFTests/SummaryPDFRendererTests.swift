import MediathequeKit
@testable import MediathequePDF
import Testing

/// The finished file, as the tools a reader or an auditor would use see it.
@Suite("Summary PDF: the file")
struct SummaryPDFRendererTests {
    static let bundles: [(String, PatronBundle)] = [
        ("family", Fixtures.family), ("hostile", Fixtures.hostile),
        ("many", Fixtures.manyLoans(90)), ("empty", Fixtures.empty),
    ]

    @Test(.requires("qpdf"), arguments: 0..<bundles.count)
    func passesQpdfCheck(_ index: Int) throws {
        let (name, bundle) = Self.bundles[index]
        let pdf = try Rendering.render(bundle, named: name)
        #expect(pdf.starts(with: Array("%PDF-1.5".utf8)))
        try expectSoundPDF(pdf, name)
    }

    @Test(.requires("pdffonts"), arguments: 0..<bundles.count)
    func embedsEveryFont(_ index: Int) throws {
        let (name, bundle) = Self.bundles[index]
        let fonts = try PDFTools.fonts(try Rendering.render(bundle, named: name))
        #expect(!fonts.isEmpty)
        for font in fonts {
            #expect(font.embedded, "\(font.name) is not embedded in \(name)")
        }
    }

    @Test(.requires("pdftotext"))
    func givesBackNamesTitlesAndDatesOfEveryAccount() throws {
        let text = plain(try PDFTools.drawnText(try Rendering.render(Fixtures.family, named: "family")))
        let expected = [
            // The document and the holder.
            "Médiathèques de Saint-Étienne", "Synthèse de mes comptes", "Situation au 28/03/2025",
            "Aurore Boréale · carte n° 24200001234567", "Page 1 / 4", "Page 4 / 4",
            // Own account: the account in brief, loans, holds, registrations.
            "Mon compte — Aurore Boréale", "Vous avez emprunté 5 documents", "2 sont en retard",
            "1 autre est à rendre le 28/03/2025", "Vous avez réservé 3 documents", "1 est disponible",
            "Pilates : La méthode complète", "34200021000001", "23/03/2025", "Document déjà prolongé une fois",
            "Document réservé par un autre usager", "Parfaite / Caroline Kepnes", "26/03/2025", "10/04/2025",
            "Bébés lecteurs", "02/04/2025 09:00", "Confirmée", "Liste d'attente (séance reportée)",
            // Shared accounts, in Polish, Turkish, Arabic and Japanese.
            "Compte partagé — Zażółć Gęślą-Jaźń", "Pan Tadeusz czyli ostatni zajazd na Litwie",
            "Compte partagé — Çağrı İnönü Şimşek", "Kürk Mantolu Madonna — Sabahattin Ali",
            "ليلى حداد", "ألف ليلة وليلة", "كليلة ودمنة", "27/03/2025",
            "花子 山田", "マンガの夜 — Nuit du manga", "17/04/2025 18:00", "18/04/2025 02:00",
        ]
        for string in expected {
            #expect(squeezed(text).contains(squeezed(string)), "\(string) is missing")
        }
        // A registration for a past session, or for an event gone from the feed, is not shown.
        #expect(!text.contains("16/03/2025"))
        #expect(!text.contains("retiree-du-programme"))
    }

    /// The summary has no action of its own: it says once where the portal is.
    @Test(.requires("pdftotext"))
    func showsThePortalOnce() throws {
        let renderer = SummaryPDFRenderer(networkName: Fixtures.networkName, rules: Fixtures.rules,
                                          portalURL: "https://portail.example/compte")
        let text = squeezed(plain(try PDFTools.drawnText(try Rendering.render(Fixtures.family, named: "portal", renderer: renderer))))
        #expect(text.components(separatedBy: "https://portail.example/compte").count - 1 == 1)
        #expect(text.contains(squeezed("Pour prolonger un prêt ou annuler une réservation, rendez-vous sur votre espace personnel")))
        let without = squeezed(plain(try PDFTools.drawnText(try Rendering.render(Fixtures.family, named: "no-portal"))))
        #expect(!without.contains("https://"))
    }

    /// The refusal the PDF prints follows `max_renewals`.
    @Test(.requires("pdftotext"))
    func printsTheRenewalLimitOfTheRules() throws {
        func text(_ limit: Int) throws -> String {
            let renderer = SummaryPDFRenderer(networkName: Fixtures.networkName, rules: Rules(maxRenewals: limit))
            return squeezed(plain(try PDFTools.drawnText(try Rendering.render(Fixtures.family, named: "limit-\(limit)",
                                                                              renderer: renderer))))
        }
        #expect(try text(0).contains(squeezed("Prolongation non autorisée")))
        #expect(try !text(0).contains(squeezed("déjà prolongé")))
        #expect(try text(1).contains(squeezed("Document déjà prolongé une fois")))
        #expect(try !text(2).contains(squeezed("déjà prolongé")))
    }

    @Test(.requires("pdfinfo"))
    func carriesMetadataDatedByTheReferenceDate() throws {
        let info = try PDFTools.run("pdfinfo", ["{}"], on: try Rendering.render(Fixtures.family, named: "family"))
        #expect(info.output.contains("Title:           Synthèse de mes comptes — Aurore Boréale"))
        #expect(info.output.contains("Author:          Médiathèques de Saint-Étienne"))
        #expect(info.output.contains("Subject:         Prêts, réservations et inscriptions aux animations"))
        #expect(info.output.contains("CreationDate:    Fri Mar 28 00:00:00 2025"))
        #expect(info.output.contains("ModDate:         Fri Mar 28 00:00:00 2025"))
        #expect(info.output.contains("Tagged:          yes"))
        #expect(info.output.contains("Page size:       595.276 x 841.89 pts (A4)"))
    }

    @Test func sameInputsGiveTheSameBytes() throws {
        let first = try Rendering.render(Fixtures.family, named: "family")
        // A renderer that has already drawn other documents, with strings shaped and cached.
        let busy = SummaryPDFRenderer(networkName: Fixtures.networkName, rules: Fixtures.rules)
        for bundle in [Fixtures.hostile, Fixtures.manyLoans(30), Fixtures.empty] {
            _ = try Rendering.render(bundle, named: "scratch", renderer: busy)
        }
        let second = try Rendering.render(Fixtures.family, named: "family", renderer: busy)
        #expect(first == second)
        #expect(try Rendering.render(Fixtures.family, named: "family", renderer: busy) == first)
    }

    @Test func anotherReferenceDateGivesAnotherDocument() throws {
        let renderer = SummaryPDFRenderer(networkName: Fixtures.networkName, rules: Fixtures.rules)
        let today = try renderer.render(Fixtures.family, today: Fixtures.today, sessions: Fixtures.session)
        let tomorrow = try renderer.render(Fixtures.family, today: Fixtures.today.adding(days: 1),
                                           sessions: Fixtures.session)
        #expect(today != tomorrow)
    }

    @Test(.requires("qpdf"))
    func structureTreeHoldsHeadingsTablesAndLinks() throws {
        let pdf = try Rendering.render(Fixtures.family, named: "family")
        let expanded = try PDFTools.run("qpdf", ["--qdf", "--object-streams=disable", "{}", "-"], on: pdf).output
        for element in ["/S /Document", "/S /H1", "/S /H2", "/S /H3", "/S /Table", "/S /TR", "/S /TH", "/S /TD",
                        "/S /TOC", "/S /TOCI", "/S /Link", "/StructTreeRoot", "/Marked true"] {
            #expect(expanded.contains(element), "no \(element) in the structure")
        }
        // One link per account of the contents, each to its section.
        #expect(expanded.components(separatedBy: "/Subtype /Link").count - 1 == 5)
        for number in 1...5 { #expect(expanded.contains("(compte-\(number))")) }
    }

    @Test func errorNamesTheCardNumber() {
        let error = SummaryPDFError(cardNumber: "24200001234567", reason: .cairo("out of memory"))
        #expect(error.description == "synthese.pdf for card 24200001234567: cairo failed: out of memory")
    }

    @Test func cairoFailureIsThrownNotWritten() {
        // cairo refuses attributes it cannot parse, and says so only when the file is finished.
        let canvas = Self.canvas()
        canvas.beginTag("Document")
        canvas.beginTag(PDFCanvas.linkTag, attributes: "uri='unterminated")
        canvas.fill([Rect(x: 10, y: 10, width: 20, height: 20)], color: Palette.ink)
        canvas.endTag(PDFCanvas.linkTag)
        canvas.endTag("Document")
        #expect(throws: PDFCanvas.Failure.self) { try canvas.finish() }
    }

    @Test func misnestedTagsAreRefusedNotWritten() {
        // cairo 1.16 reports none of these, and writes a damaged file for some of them.
        let strayEnd = Self.canvas()
        strayEnd.endTag("P")
        #expect(throws: PDFCanvas.Failure.self) { try strayEnd.finish() }

        let neverEnded = Self.canvas()
        neverEnded.beginTag("Document")
        #expect(throws: PDFCanvas.Failure.self) { try neverEnded.finish() }

        let bareLink = Self.canvas()
        bareLink.beginTag(PDFCanvas.linkTag, attributes: "uri='https://mediatheques.example/'")
        bareLink.fill([Rect(x: 10, y: 10, width: 20, height: 20)], color: Palette.ink)
        bareLink.endTag(PDFCanvas.linkTag)
        #expect(throws: PDFCanvas.Failure.self) { try bareLink.finish() }
    }

    private static func canvas() -> PDFCanvas {
        PDFCanvas(width: 595, height: 842, metadata: PDFMetadata(title: "", author: "", subject: "", creator: "",
                                                                 date: "2025-03-28T00:00:00"),
                  text: TextEngine())
    }
}
