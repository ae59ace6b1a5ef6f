import Foundation
import Testing
@testable import MediathequeKit

/// The search: Pagefind run by the build over the staged `public/`, what happens when it is
/// missing or fails, and the search page used in Chromium (`Tests/Validators/search_pages.py`).
struct SearchPageTests {
    /// "bebes" finds "Bébés lecteurs"; Tarentaize and Jeunesse checked give exactly the
    /// coming events of the feed held there in that category; no result leaves the public
    /// site; axe finds nothing on the page with its results and filters.
    @Test(.requiresBrowserAudit, .requiresPagefind) func theSearchPageFindsAndFiltersInChromium() throws {
        let demo = try DemoBuild.shared()
        let screenshots = ProcessInfo.processInfo.environment["MEDIATHEQUE_SCREENSHOTS"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("mediatheque-screenshots")
        let python = try #require(Validators.python)
        let outcome = try Validators.run(python, [
            Validators.directory.appendingPathComponent("search_pages.py").path,
            "--feed", demo.agenda, "--database", demo.database, "--today", DemoBuild.today.iso,
            "--library", "TAR", "--category", "Jeunesse", "--screenshots", screenshots.path, demo.bundle.path,
        ])
        #expect(outcome.succeeded, "\(outcome.standardOutput)\(outcome.standardError)")
        #expect(outcome.standardError.contains("4 expected"), "\(outcome.standardError)")
    }

    /// A Pagefind that fails stops the build with its output, and the published bundle stays as it was.
    @Test func aFailingPagefindFailsTheBuildAndLeavesTheBundle() throws {
        let dir = try TemporaryDirectory()
        let demo = try DemoData(siteDirectory: Repository.site, today: BuildTests.today).materialize(into: dir.url)
        let out = dir.url.appendingPathComponent("_site")
        let report = try BuildTests.build(into: out, database: demo.database, agenda: demo.agenda)
        #expect(report.search == "Search not built: no index and no search page.")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("public/recherche").path))
        let before = StagedBundleTests.snapshot(out)

        let failing = try Self.failingPagefind(in: dir)
        #expect(failing.version == "9.9.9")
        #expect { try BuildTests.build(into: out, database: demo.database, agenda: demo.agenda, search: failing) } throws: {
            let text = ($0 as? BuildError)?.description ?? ""
            return text.hasPrefix("search: Pagefind 9.9.9 failed (exit status 3)") && text.contains("the site is on fire")
        }
        #expect(StagedBundleTests.snapshot(out) == before)
    }

    /// Pagefind indexes every page whole when none is marked: with no coming event, it is not
    /// run (the failing one would fail the build) and the site has no search page.
    @Test func nothingComingMeansNoSearch() throws {
        let dir = try TemporaryDirectory()
        let demo = try DemoData(siteDirectory: Repository.site, today: BuildTests.today).materialize(into: dir.url)
        let out = dir.url.appendingPathComponent("_site")
        let report = try BuildTests.build(into: out, database: demo.database, agenda: demo.agenda, today: Fixtures.day("2030-01-01"),
                                          search: try Self.failingPagefind(in: dir))
        #expect(report.search == "Search not built: no coming event to index, so no search page.")
        for path in ["public/recherche", "public/pagefind"] {
            #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent(path).path), "\(path)")
        }
        let home = try String(contentsOf: out.appendingPathComponent("public/index.html"), encoding: .utf8)
        #expect(!home.contains("recherche/"))
    }

    /// A Pagefind that says its version and fails on any site.
    static func failingPagefind(in dir: TemporaryDirectory) throws -> Pagefind {
        let script = try dir.write("pagefind", """
            #!/bin/sh
            if [ "$1" = --version ]; then echo "pagefind 9.9.9"; exit 0; fi
            echo "Error: the site is on fire" >&2
            exit 3
            """)
        chmod(script, 0o755)
        return try Pagefind.locate(script, environment: [:])
    }

    @Test func aMissingPagefindSaysHowToInstallIt() throws {
        #expect { try Pagefind.locate(nil, environment: ["PATH": "/nonexistent"]) } throws: {
            "\($0)".contains("python3 -m pip install pagefind-bin==\(Pagefind.pinned)") && "\($0)".contains("--no-search")
        }
        #expect { try Pagefind.locate("/nonexistent/pagefind", environment: [:]) } throws: {
            "\($0)".contains("'/nonexistent/pagefind' does not run or is not Pagefind")
        }
    }

    /// `scripts/install-deps.sh` installs the version the program names in its hint.
    @Test func installDepsPinsTheVersionTheBuildNames() throws {
        let script = try String(contentsOf: Repository.root.appendingPathComponent("scripts/install-deps.sh"), encoding: .utf8)
        #expect(script.contains("pagefind-bin==\(Pagefind.pinned)"))
    }
}
