import Foundation
import Testing
import MediathequeKit
import MediathequePDF

/// Every summary of the built demo, through the same pipeline as the command.
struct DemoSummaryTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test(.requires("qpdf", "pdffonts", "pdftotext"))
    func everyDemoSummaryIsAValidDocumentWithItsText() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mediatheque-demo-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let today = Day(iso: "2025-03-28")!
        let site = Self.root.appendingPathComponent("Site")
        let demo = try DemoData(siteDirectory: site, today: today).materialize(into: folder)
        let out = folder.appendingPathComponent("_site")
        var builder = SiteBuilder(inputs: .init(database: demo.database, agenda: demo.agenda, siteDirectory: site,
                                                templatesDirectory: Self.root.appendingPathComponent("Templates"),
                                                output: out, today: today, secret: .demo))
        let config = try SiteConfiguration.load(from: site)
        // As the command does: set in the site's fonts.
        let fonts = try SummaryFonts(folder: SiteConfiguration.fontsDirectory(in: site))
        builder.documentRenderer = { SummaryDocument(config: config, fonts: fonts) }
        builder.documentIdentity = fonts.identity()
        let report = try builder.build()

        let privateFolder = out.appendingPathComponent("private")
        let tokens = try FileManager.default.contentsOfDirectory(atPath: privateFolder.path).filter { $0 != "assets" && $0 != "index.html" }
        #expect(tokens.count == report.patrons)
        var aurore: String?
        var scripts: Set<String> = []
        for token in tokens {
            let pdf = [UInt8](try Data(contentsOf: privateFolder.appendingPathComponent("\(token)/synthese.pdf")))
            let check = try PDFTools.check(pdf)
            #expect(check.status == 0 && !check.output.contains("WARNING"), "\(token): \(check.output)")
            #expect(try PDFTools.fonts(pdf).allSatisfy(\.embedded), "\(token)")
            let text = try PDFTools.text(pdf)
            #expect(text.contains("Situation au 28/03/2025"))
            if text.contains("Aurore") && text.contains("Hannibal") { aurore = text }
            for name in ["雪 田中", "ليلى حداد", "Agnieszka Wiśniewska", "Zeynep Yılmaz"] where text.contains(name) { scripts.insert(name) }
        }
        #expect(scripts == ["雪 田中", "ليلى حداد", "Agnieszka Wiśniewska", "Zeynep Yılmaz"])
        let text = try #require(aurore, "no summary names Aurore and her shared accounts")
        for expected in ["Pilates", "HPI", "Hannibal Lecteur", "Céleste Boréale", "Vous avez emprunté 5 documents",
                         "3 sont en retard", "1 est à rendre le 29/03/2025", "Parfaite"] {
            #expect(text.contains(expected), "\(expected)")
        }
        // A document, read any day after its situation's: no "demain", no "bientôt" (``Reading``).
        for relative in ["demain", "aujourd'hui", "bientôt"] {
            #expect(!text.contains(relative), "\(relative)")
        }
    }
}
