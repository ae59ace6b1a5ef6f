import Foundation
import Testing
@testable import MediathequeKit

/// Whole builds of the bundled demo, through the same entry points as the command.
struct BuildTests {
    static let today = Fixtures.day("2025-03-28")

    static func build(into out: URL, database: String, agenda: String, today: Day = today,
                      search: Pagefind? = nil) throws -> BuildReport {
        var inputs = SiteBuilder.Inputs(database: database, agenda: agenda, siteDirectory: Repository.site,
                                        templatesDirectory: Repository.templates, output: out, today: today, secret: .demo)
        inputs.search = search
        return try SiteBuilder(inputs: inputs).build()
    }

    /// With its search: the rebuild keeps the index with the pages, the same files.
    @Test(.requiresPagefind) func theDemoBuildsAndRebuildsToTheSameBytes() throws {
        let dir = try TemporaryDirectory()
        let demo = try DemoData(siteDirectory: Repository.site, today: Self.today).materialize(into: dir.url)
        let out = dir.url.appendingPathComponent("_site")
        let pagefind = try #require(PagefindIndex.pagefind)
        let report = try Self.build(into: out, database: demo.database, agenda: demo.agenda, search: pagefind)
        #expect(report.patrons > 100 && report.events >= 12)
        #expect(report.search == "Search: Pagefind \(pagefind.version) indexed 17 pages, 310 words, 4 filters, 1 sort.")
        for page in ["public/index.html", "public/recherche/index.html", "public/pagefind/pagefind-entry.json"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(page).path), "\(page)")
        }
        let first = StagedBundleTests.snapshot(out)
        #expect(first.keys.contains { $0.hasPrefix("private/") && $0.hasSuffix("/index.html") })

        let again = try Self.build(into: out, database: demo.database, agenda: demo.agenda, search: pagefind)
        #expect(again.search == "Search: the index of Pagefind \(pagefind.version) kept with the pages.")
        #expect(again.written == 0 && again.unchanged == first.count - 1) // all but the build manifest
        #expect(StagedBundleTests.snapshot(out) == first)
    }

    @Test func aFailedBuildLeavesThePreviousBundleByteForByte() throws {
        let dir = try TemporaryDirectory()
        let demo = try DemoData(siteDirectory: Repository.site, today: Self.today).materialize(into: dir.url)
        let out = dir.url.appendingPathComponent("_site")
        _ = try Self.build(into: out, database: demo.database, agenda: demo.agenda)
        let before = StagedBundleTests.snapshot(out)

        let broken = try dir.write("broken.xml", Fixtures.feed("<event id=\"e1\" updated=\"2025-02-20T10:00\"><title>x</title>"))
        #expect { try Self.build(into: out, database: demo.database, agenda: broken, today: Fixtures.day("2025-04-01")) } throws: {
            ($0 as? BuildError)?.description.contains("broken.xml:") == true
        }
        let badDatabase = try Fixtures.database(in: dir, name: "bad.sqlite", """
            INSERT INTO loan (id, barcode, patron_card, library, borrowed_on, due_on) VALUES (1, '1', '24200001234567', 'TAR', 'x', 'y');
            """)
        #expect { try Self.build(into: out, database: badDatabase, agenda: demo.agenda) } throws: {
            ($0 as? BuildError)?.lines.contains { $0.contains("table loan, row 1, column barcode") } == true
        }
        // The database's row checks run beside the rest of the build, yet their problems still come first.
        #expect { try Self.build(into: out, database: badDatabase, agenda: broken) } throws: {
            ($0 as? BuildError)?.lines.contains { $0.contains("table loan, row 1, column barcode") } == true
        }
        #expect(StagedBundleTests.snapshot(out) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path).filter { $0.hasPrefix("_site") }.sorted()
                == ["_site", "_site.lock"])
    }

    @Test func theSecretRules() throws {
        #expect(try SiteSecret.resolve(file: nil, environment: [:], isDemo: true).bytes == SiteSecret.demo.bytes)
        #expect { try SiteSecret.resolve(file: nil, environment: [:], isDemo: false) } throws: { "\($0)".contains("no site secret") }
        let demoText = String(decoding: SiteSecret.demo.bytes, as: UTF8.self)
        #expect { try SiteSecret.resolve(file: nil, environment: ["MEDIATHEQUE_SECRET": demoText], isDemo: false) } throws: {
            "\($0)".contains("demo secret is refused")
        }
        let dir = try TemporaryDirectory()
        let file = try dir.write("secret", "a-long-enough-production-secret\n")
        #expect(try SiteSecret.resolve(file: file, environment: [:], isDemo: false).bytes == Array("a-long-enough-production-secret".utf8))
    }

    @Test func tokensAreTheSpecifiedHMAC() {
        // HMAC-SHA256("key", "24200001234567:0"), first 16 bytes, computed independently with openssl.
        let token = PatronToken(secret: Array("key".utf8)).token(card: "24200001234567", version: 0)
        #expect(token == "0aa4218237382dd7ee8a096f89518d5b")
        #expect(token.count == 32)
        #expect(PatronToken(secret: Array("key".utf8)).token(card: "24200001234567", version: 1) != token)
    }
}
