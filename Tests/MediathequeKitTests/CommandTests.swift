import Foundation
import Testing
@testable import MediathequeKit

/// The command line, run as a process: exit status and the one-line causes on stderr.
@Suite(.serialized)
struct CommandTests {
    let event = """
        <event id="e1" updated="2025-02-20T10:00"><title>A</title>
          <session id="s1" library="TAR" start="2025-03-12T09:00" end="2025-03-12T10:00" registration="none"/>
        </event>
        """
    var goodFeed: String { Fixtures.feed(event) }

    func check(database: String, agenda: String) throws -> Command.Result {
        try Command.run(["check", "--database", database, "--agenda", agenda])
    }

    func expectFailure(_ result: Command.Result, mentioning fragments: [String]) {
        #expect(result.status == 1)
        for fragment in fragments { #expect(result.stderr.contains(fragment), "\(fragment) not in \(result.stderr)") }
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Stack dump"))
        #expect(result.stderr.split(separator: "\n").allSatisfy { $0.hasPrefix("mediatheque: ") })
    }

    @Test func checkPassesCleanInputs() throws {
        let dir = try TemporaryDirectory()
        let result = try check(database: try Fixtures.database(in: dir), agenda: try dir.write("agenda.xml", goodFeed))
        #expect(result.status == 0)
        #expect(result.stdout.contains("no problem found"))
    }

    @Test func checkNamesEachDatabaseProblem() throws {
        let dir = try TemporaryDirectory()
        let agenda = try dir.write("agenda.xml", goodFeed)
        let missing = try Fixtures.database(in: dir, name: "missing.sqlite", "ALTER TABLE patron DROP COLUMN email")
        expectFailure(try check(database: missing, agenda: agenda), mentioning: ["missing.sqlite: table 'patron' lacks column 'email'"])
        let version = try Fixtures.database(in: dir, name: "version.sqlite", "PRAGMA user_version = 7")
        expectFailure(try check(database: version, agenda: agenda), mentioning: ["version.sqlite: schema version (PRAGMA user_version) is 7, expected 1"])
        let corrupt = try dir.write("corrupt.sqlite", String(repeating: "garbage ", count: 1000))
        expectFailure(try check(database: corrupt, agenda: agenda), mentioning: ["corrupt.sqlite: not a readable SQLite database"])
        let rows = try Fixtures.database(in: dir, name: "rows.sqlite", """
            INSERT INTO patron (card_number, pseudo, first_name, last_name, membership_expires) VALUES ('42', 'x', 'A', 'B', '2026-01-01');
            """)
        expectFailure(try check(database: rows, agenda: agenda), mentioning: ["rows.sqlite: table patron, row 42, column card_number"])
    }

    @Test func checkNamesEachFeedProblemWithLineAndColumn() throws {
        let dir = try TemporaryDirectory()
        let database = try Fixtures.database(in: dir)
        let cases: [(String, String, String)] = [
            ("malformed.xml", Fixtures.feed("<event id=\"e1\">"), "malformed.xml:4:10: not well-formed XML: Opening and ending tag mismatch"),
            ("library.xml", goodFeed.replacingOccurrences(of: "\"TAR\"", with: "\"NOPE\""),
             "library.xml:4:3: session 's1' of event 'e1': unknown library code 'NOPE'"),
            ("duplicate.xml", Fixtures.feed(event + "\n" + event), "duplicate.xml:6:1: duplicate event id 'e1'"),
            ("order.xml", goodFeed.replacingOccurrences(of: "end=\"2025-03-12T10:00\"", with: "end=\"2025-03-12T08:00\""),
             "order.xml:4:3: session 's1' of event 'e1': end 2025-03-12T08:00:00 is not after start"),
            ("entity.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE agenda [<!ENTITY x \"boom\">]>\n<agenda/>",
             "entity.xml:2:1: DOCTYPE is not allowed"),
        ]
        for (name, xml, expected) in cases {
            let result = try check(database: database, agenda: try dir.write(name, xml))
            expectFailure(result, mentioning: [dir.path(name), expected.replacingOccurrences(of: name, with: "")])
        }
    }

    @Test func aRealBuildNeedsASecret() throws {
        let dir = try TemporaryDirectory()
        let result = try Command.run(["build", "--database", try Fixtures.database(in: dir), "--agenda", try dir.write("a.xml", goodFeed),
                                      "--out", dir.path("_site"), "--today", "2025-03-01"])
        expectFailure(result, mentioning: ["no site secret"])
        #expect(!FileManager.default.fileExists(atPath: dir.path("_site")))
        let ok = try Command.run(["build", "--database", try Fixtures.database(in: dir, name: "b.sqlite"), "--agenda", dir.path("a.xml"),
                                  "--out", dir.path("_site"), "--today", "2025-03-01", "--no-search"],
                                 environment: ["MEDIATHEQUE_SECRET": "a-production-secret-of-some-length"])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.contains("Search not built: no index and no search page."), "\(ok.stdout)")
        #expect(FileManager.default.fileExists(atPath: dir.path("_site/public/index.html")))
    }

    @Test func badArgumentsAreExplained() throws {
        let result = try Command.run(["build", "--today", "28/03/2025", "--out", "/tmp/never-written"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--today must be a date YYYY-MM-DD"))
        let half = try Command.run(["build", "--database", "x.sqlite"])
        #expect(half.status != 0 && half.stderr.contains("give both --database and --agenda"))
    }
}
