import MediathequeKit
@testable import MediathequePDF
import Testing

/// Pages, tables and odd text, as pdftotext reads them back.
@Suite("Summary PDF: layout")
struct SummaryLayoutTests {
    @Test(.requires("pdftotext", "qpdf"))
    func manyLoansSpanPagesWithTheHeaderRepeated() throws {
        let pdf = try Rendering.render(Fixtures.manyLoans(90), named: "many")
        try expectSoundPDF(pdf, "many")
        let pages = try PDFTools.pages(pdf)
        #expect(pages.count >= 4)
        for (number, page) in pages.enumerated() {
            #expect(page.contains("Page \(number + 1) / \(pages.count)"))
            #expect(page.contains("Médiathèques de Saint-Étienne"))
            #expect(page.contains("Situation au 28/03/2025"))
            // Every page holding loans starts them with the column titles (which may wrap), and
            // every page after the first says whose account it goes on with.
            if page.contains("34200021") {
                for title in ["Titre", "Code-barres", "Document", "Emprunté à", "Retour le", "État", "Prolongation"] {
                    #expect(squeezed(page).contains(squeezed(title)), "page \(number + 1) lacks the column '\(title)'")
                }
            }
            if number > 0 { #expect(page.contains("Mon compte — Hannibal Lecteur (suite)"), "page \(number + 1)") }
        }
        // Each loan is there once: none lost, none doubled at a page break.
        let text = try PDFTools.text(pdf)
        for n in 1...90 {
            let barcode = "342000210\(String(n).leftPadded(5))"
            #expect(text.components(separatedBy: barcode).count - 1 == 1, "\(barcode) not shown exactly once")
        }
    }

    @Test(.requires("pdftotext", "qpdf"))
    func markupLikeTextIsShownNotInterpreted() throws {
        let pdf = try Rendering.render(Fixtures.hostile, named: "hostile")
        try expectSoundPDF(pdf, "hostile")
        let text = squeezed(plain(try PDFTools.drawnText(pdf)))
        // A wrapped right-to-left title comes back from pdftotext line by line in visual
        // order, so its Hebrew and French parts are looked for separately.
        for string in ["<b>Zoé</b> &amp; O'Brien", "&amp; O'Brien · carte n° 24200009990001",
                       "<b>&amp;</b> <i>pas du gras</i> & <span foreground=\"red\">rouge</span>",
                       "עמית כהן", "ספר הדקדוק", "Grammaire", "hébraïque", "Yūki Ōtomo"] {
            #expect(text.contains(squeezed(string)), "\(string) is missing")
        }
        // The override at the end of the holder's name leaves "(suite)" as it is, atop page 2.
        #expect(try PDFTools.pages(pdf)[1].contains("O'Brien (suite)"))
        // Control characters are removed, as on the pages: both show the same text.
        #expect(text.contains(squeezed("Ligne brisée etnulcloche")))
    }

    @Test(.requires("pdftotext"))
    func longTitlesWrapAndLoseNothing() throws {
        let pdf = try Rendering.render(Fixtures.hostile, named: "hostile")
        let pages = try PDFTools.pages(pdf)
        let text = squeezed(pages.joined())
        let longTitle = String(String(repeating: "Une histoire sans fin, racontée encore et encore ", count: 41)
            .prefix(2_000))
        #expect(text.contains(squeezed(longTitle)) || allPieces(of: squeezed(longTitle), in: pages))
        // 2,000 characters with no space at all still wrap inside their column (no hyphen added).
        let ws = pages.joined().filter { $0 == "W" }.count
        #expect(ws == 2_000)
        #expect(!pages.joined().contains("W-"))
    }

    /// A title split across a page break comes back in pieces, each on its page, in order.
    private func allPieces(of title: String, in pages: [String]) -> Bool {
        var rest = Substring(title)
        for page in pages.map(squeezed) {
            while !rest.isEmpty {
                var length = rest.count
                while length > 0, !page.contains(rest.prefix(length)) { length -= 1 }
                if length < 20 { break }
                rest = rest.dropFirst(length)
            }
        }
        return rest.isEmpty
    }

    @Test(.requires("pdftotext", "qpdf"))
    func extremeInputsStaySound() throws {
        // A 3,000-character holder name, a long network name and 30 shared accounts:
        // the contents run over a page, headings wrap, and the file stays sound.
        var bundle = Fixtures.manyLoans(3)
        bundle.own.patron.lastName = String(repeating: "Très-long-nom ", count: 214)
        bundle.shared = (1...30).map { n in
            Account(patron: Fixtures.patron("2420000\(String(n).leftPadded(7))", "Membre", "n° \(n)"),
                    loans: [Fixtures.loan(Int64(1_000 + n), "Titre du membre \(n)", due: n % 5 - 1)])
        }
        let network = String(repeating: "Réseau des médiathèques ", count: 12)
        let renderer = SummaryPDFRenderer(networkName: network, rules: Fixtures.rules)
        let pdf = try Rendering.render(bundle, named: "extreme", renderer: renderer)
        try expectSoundPDF(pdf, "extreme")
        let pages = try PDFTools.pages(pdf)
        #expect(pages.count > 5)
        #expect(pages.last?.contains("Page \(pages.count) / \(pages.count)") == true)
        let text = squeezed(pages.joined())
        for n in 1...30 {
            #expect(text.contains(squeezed("Compte partagé — Membre n° \(n)")))
            #expect(text.contains(squeezed("Titre du membre \(n)")))
        }
    }

    @Test(.requires("pdftotext"))
    func emptyAccountsReadWell() throws {
        let text = try PDFTools.text(try Rendering.render(Fixtures.empty, named: "empty"))
        for sentence in ["Vous n'avez pas d'emprunt en cours", "Vous n'avez pas de réservation",
                         "Vous n'avez pas d'inscription à une animation à venir", "Prêts (0)", "Réservations (0)",
                         "Page 1 / 1"] {
            #expect(text.contains(sentence), "\(sentence) is missing")
        }
        // A lone account needs no contents.
        #expect(!text.contains("Comptes présentés dans ce document"))
    }

    @Test(.requires("pdftotext"))
    func lateLoansAreMarkedInWordsNotOnlyInColour() throws {
        let pdf = try Rendering.render(Fixtures.family, named: "family")
        let text = try PDFTools.text(pdf)
        #expect(squeezed(text).components(separatedBy: "Enretard").count - 1 >= 3)
        #expect(text.contains("En retard : document à rendre au plus vite"))
        // Bold: the late rows use the bold face, which the other rows do not need.
        let fonts = try PDFTools.fonts(pdf).map(\.name)
        #expect(fonts.contains { $0.hasSuffix("NotoSans-Bold") })
    }
}

/// What makes the summary easy to read on paper: no small print, no row alone on its page,
/// dates and barcodes whole.
@Suite("Summary PDF: reading")
struct SummaryReadingTests {
    @Test func noTextIsSmallerThanNinePoints() {
        for style in TextStyle.allCases {
            let size = style.fontDescription.split(separator: " ").last.flatMap { Double($0) }
            #expect((size ?? 0) >= 9, "\(style) is \(style.fontDescription)")
        }
    }

    /// For every number of loans, each page holding some of the table holds two rows at
    /// least: the last row never goes alone to a new page, nor the first stays alone.
    @Test func noRowIsAloneOnItsPage() {
        let engine = TextEngine()
        for count in 2...70 {
            let content = SummaryContent(bundle: Fixtures.manyLoans(count), networkName: Fixtures.networkName,
                                         today: Fixtures.today, rules: Fixtures.rules, sessions: Fixtures.session)
            var composer = SummaryComposer(text: engine)
            let document = composer.compose(content)
            engine.finishDocument()
            // The first header row is tagged too: count the rows tagged after it.
            let rows = document.pages.map { ops in ops.filter { if case .beginTag("TR", _) = $0 { true } else { false } }.count }
            let loanRows = rows.enumerated().map { $1 - ($0 == rows.firstIndex { $0 > 0 } ? 1 : 0) }
            for (page, n) in loanRows.enumerated() where n > 0 {
                #expect(n >= 2, "\(count) loans: page \(page + 1) holds \(n) row(s): \(loanRows)")
            }
            #expect(loanRows.reduce(0, +) == count)
        }
    }

    @Test(.requires("pdftotext"))
    func datesAndBarcodesAreNeverCut() throws {
        let text = try PDFTools.text(try Rendering.render(Fixtures.manyLoans(40), named: "many40"))
        let dates = try Regex(#"\d\d/\d\d/\d{4}"#)
        // Each loan's due date, plus "Situation au …" on each page.
        #expect(text.matches(of: dates).count >= 40)
        for n in 1...40 {
            #expect(text.contains("342000210\(String(n).leftPadded(5))"), "barcode of loan \(n)")
        }
    }
}
