import Foundation
import Testing
@testable import MediathequeKit

/// `public/` holds no personal data: the demo is built, every patron is read back
/// from its database, and no public file may contain any of their identifiers.
struct PublicPrivacyTests {
    typealias S = PublicTestSupport

    /// What identifies a patron: card number, pseudonym, e-mail, phones, address, full name.
    static func identifiers(of patron: Patron) -> [String] {
        var values = [patron.cardNumber, patron.pseudo,
                      "\(patron.firstName) \(patron.lastName)", "\(patron.lastName) \(patron.firstName)",
                      "\(patron.lastName.uppercased()) \(patron.firstName)"]
        values += [patron.email, patron.phone, patron.mobile, patron.address].compactMap { $0 }
        return values.filter { !$0.isEmpty }
    }

    @Test func theDemoPublicSiteHoldsNoPatronData() throws {
        let demo = try DemoBuild.shared()
        var identifiers: Set<String> = []
        var patrons = 0
        let database = try AccountDatabase(path: demo.database)
        try database.forEachBundle(today: DemoBuild.today, rules: Rules()) { bundle in
            patrons += 1
            identifiers.formUnion(Self.identifiers(of: bundle.own.patron))
        }
        #expect(patrons > 100)
        #expect(identifiers.contains("24200001234567") && identifiers.contains("AuroreB")
                && identifiers.contains("aurore.boreale@example.org") && identifiers.contains("Aurore Boréale"))

        let publicFolder = demo.bundle.appendingPathComponent("public")
        let files = S.files(in: publicFolder)
        #expect(files.contains("index.html") && files.contains("sitemap.xml") && files.contains("agenda/bebes-lecteurs/index.html"))
        // Sorted, so that a failure names the same leak every time.
        let sortedIdentifiers = identifiers.sorted()
        // A .gz sibling holds its file's bytes (PrecompressedTests).
        for file in files where !file.hasSuffix(Precompressed.suffix) {
            // Decoded leniently: assets/partage.png is no UTF-8, and must hold none either.
            let text = String(decoding: try Data(contentsOf: publicFolder.appendingPathComponent(file)), as: UTF8.self)
            let leaks = sortedIdentifiers.filter { text.containsBytes($0) }
            #expect(leaks.isEmpty, "public/\(file) holds personal data: \(leaks.prefix(5))")
        }
    }

    @Test func thePublicRendererNeverSeesPatronRows() throws {
        // The public site is a function of the feed, the libraries and the confirmed counts:
        // the same content with any patron count renders the same bytes.
        var content = HostileTextTests.content()
        let before = try S.render(content)
        content.patronCount = 12_345
        #expect(try S.render(content) == before)
    }
}
