import Foundation
import MediathequeKit
@testable import MediathequePDF
import Testing

/// The site's fonts (`Site/fonts`: Noto Sans without its hinting) set the summary's text in
/// place of the system's Noto Sans; other scripts still fall back to the system's fonts.
struct SummaryFontsTests {
    static let siteFonts = SiteConfiguration.fontsDirectory(in: DemoSummaryTests.root.appendingPathComponent("Site"))

    static func render(_ fonts: SummaryFonts) throws -> [UInt8] {
        try SummaryPDFRenderer(networkName: Fixtures.networkName, rules: Fixtures.rules, fonts: fonts)
            .render(Fixtures.manyLoans(12), today: Fixtures.today, sessions: Fixtures.session)
    }

    /// The PDF with every stream uncompressed (qpdf's QDF form): the fonts' tables can be read.
    static func uncompressed(_ pdf: [UInt8]) throws -> String {
        let run = try PDFTools.run("qpdf", ["--qdf", "--object-streams=disable", "{}", "-"], on: pdf)
        #expect(run.status == 0, "\(run.errors)")
        return String(decoding: run.output.utf8, as: UTF8.self)
    }

    @Test(.requires("qpdf", "pdffonts"))
    func theSiteFontsEmbedNoHinting() throws {
        let site = try Self.render(try SummaryFonts(folder: Self.siteFonts))
        let system = try Self.render(.system)
        try expectSoundPDF(site, "site fonts")
        let fonts = try PDFTools.fonts(site)
        #expect(fonts.contains { $0.name.hasSuffix("+NotoSans-Regular") } && fonts.contains { $0.name.hasSuffix("+NotoSans-Bold") })
        #expect(fonts.allSatisfy { $0.embedded })
        // A TrueType font's hinting programs sit in its `fpgm` table: in every subset from the
        // system's fonts, in none from the site's (a summary in Latin script alone uses no other font).
        #expect(try Self.uncompressed(system).contains("fpgm"))
        #expect(!(try Self.uncompressed(site).contains("fpgm")))
        #expect(site.count < system.count * 9 / 10, "\(site.count) bytes against \(system.count)")
    }

    /// The demo's summaries, set in the site's fonts, give back names in every script
    /// (``DemoSummaryTests``); here, each of them finds a font.
    @Test func otherScriptsStillFallBackToTheSystemFonts() throws {
        let engine = TextEngine(fonts: try SummaryFonts(folder: Self.siteFonts))
        for name in ["雪 田中", "ليلى حداد", "Agnieszka Wiśniewska", "Zeynep Yılmaz", "Ελένη Παπαδοπούλου"] {
            #expect(engine.unknownGlyphCount(engine.block(name, .body, width: 300)) == 0, "\(name)")
        }
    }

    /// The salt reads it: the site's fonts by their bytes, wherever the site is; the system's
    /// that other scripts fall back to by path, size and date.
    @Test func theIdentityFollowsEveryFontTheSummaryMayUse() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mediatheque-fonts-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let (a, b) = (dir.appendingPathComponent("a"), dir.appendingPathComponent("b"))
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.siteFonts, to: a)
        try FileManager.default.copyItem(at: Self.siteFonts, to: b)
        let site = try SummaryFonts(folder: Self.siteFonts).identity()
        #expect(try SummaryFonts(folder: a).identity() == site)
        #expect(String(decoding: site, as: UTF8.self).contains("/DejaVuSans.ttf\u{0}"))
        #expect(SummaryFonts.system.identity() != site)
        // The same name, other bytes: the system's hinted Noto Sans in place of the site's.
        let regular = b.appendingPathComponent("NotoSans-Regular.ttf")
        try FileManager.default.removeItem(at: regular)
        try FileManager.default.copyItem(atPath: "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf", toPath: regular.path)
        #expect(try SummaryFonts(folder: b).identity() != site)
    }

    @Test func aMissingOrEmptyFolderMeansTheSystemFonts() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mediatheque-fonts-\(UUID().uuidString)")
        #expect(try SummaryFonts(folder: dir).config == nil)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("SIL Open Font License".utf8).write(to: dir.appendingPathComponent("OFL.txt"))
        #expect(try SummaryFonts(folder: dir).config == nil)
    }

    @Test func aFileThatIsNotAFontIsNamed() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mediatheque-fonts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let broken = dir.appendingPathComponent("NotoSans-Regular.ttf")
        try Data("<html>not a font</html>".utf8).write(to: broken)
        #expect(throws: SummaryFontError(file: broken.path)) { try SummaryFonts(folder: dir) }
        #expect("\(SummaryFontError(file: broken.path))".hasPrefix(broken.path + ": not a font"))
    }
}
