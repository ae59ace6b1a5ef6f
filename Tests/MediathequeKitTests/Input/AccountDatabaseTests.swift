import Foundation
import CSupport
import GRDB
import Testing
@testable import MediathequeKit

struct AccountDatabaseTests {
    let today = Fixtures.day("2025-03-28")

    func problems(_ sql: String) throws -> [String] {
        let dir = try TemporaryDirectory()
        let db = try AccountDatabase(path: try Fixtures.database(in: dir, sql))
        return try db.contractProblems().problems.map(\.description)
    }

    /// Subjects are split and trimmed exactly as Foundation's `trimmingCharacters(in: .whitespaces)` did.
    @Test func subjectsAreTrimmedOfSpacesAndTabsOnly() {
        let columns = ["", ";", " ; ;", "Polar ; Lyon", "\tPolar\t;\u{00A0}Lyon\u{3000}", " \u{301}é ;x\n", "\n Polar \r",
                       "\u{2003}\u{202F}\u{205F} ;\u{200B}a\u{200B}", "a ; b ;; c ; ", "🎭 ; \u{1680}x\u{2009}",
                       "\u{85}a\u{85}", "\u{FEFF}b\u{FEFF}; c\u{0009}\u{000B}", "Roman ; Roman ; roman"]
        for column in columns {
            let foundation = column.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            #expect(AccountDatabase.subjects(column) == foundation, "\(column.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(AccountDatabase.subjects(nil) == [])
        // Every scalar: trimmed by Foundation exactly when the decoder's own test says so.
        var differing: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let trimmed = "a\(Character(scalar))".trimmingCharacters(in: .whitespaces) == "a"
                && String(scalar).trimmingCharacters(in: .whitespaces).isEmpty
            if trimmed != Text.isWhitespace(scalar) { differing.append(value) }
        }
        #expect(differing.isEmpty, "\(differing.prefix(20).map { String($0, radix: 16) })")
    }

    /// The checks' own date functions accept exactly what SQLite's date functions give back
    /// unchanged: the rules they replaced.
    @Test func contractDatesAreWhatSQLiteGivesBackUnchanged() throws {
        let queue = try DatabaseQueue()
        var days: [String] = []
        for year in ["0000", "0001", "1600", "1900", "2000", "2023", "2024", "2025", "2100", "9999"] {
            for month in 0...13 {
                for day in 0...32 { days.append(String(format: "%@-%02d-%02d", year, month, day)) }
            }
        }
        let odd = ["", "2025-1-01", "2025-01-1", " 2025-01-01", "2025-01-01 ", "2025/01/01", "2025-01-01T00:00:00",
                   "+025-01-01", "-025-01-01", "2025-0a-01", "\u{FF12}025-01-01", "2025-02-29", "2025-03-28\u{0}",
                   "2025-03-28z", "now", "2460000", "12:00", "2025-03-28 10:00:00", "2025-03-28T10:00", "2025-03-28T10:00:00Z",
                   "2025-03-28T10:00:00.5", "2025-03-28t10:00:00"]
        var stamps: [String] = []
        for day in ["2024-02-29", "2025-02-29", "2025-12-31", "0000-01-01", "9999-12-31"] {
            for hour in ["00", "09", "23", "24", "2a"] {
                for minute in ["00", "59", "60"] {
                    for second in ["00", "59", "60"] { stamps.append("\(day)T\(hour):\(minute):\(second)") }
                }
            }
        }
        let values: [(any DatabaseValueConvertible)?] = (days + odd + stamps).map { $0 } + [nil, 20250328, 2460000.5, Data("2025-03-28".utf8)]
        try queue.inDatabase { db in
            #expect(mq_register_contract_functions(UnsafeMutableRawPointer(db.sqliteConnection)) == 0)
            var differing: [String] = []
            for value in values {
                let row = try Row.fetchOne(db, sql: """
                    SELECT contract_date(?1), typeof(?1) = 'text' AND date(julianday(?1)) IS ?1,
                           contract_timestamp(?1), typeof(?1) = 'text' AND strftime('%Y-%m-%dT%H:%M:%S', julianday(?1)) IS ?1
                    """, arguments: [value])!
                if row[0] as Int != row[1] as Int || row[2] as Int != row[3] as Int { differing.append("\(String(describing: value))") }
            }
            #expect(differing.isEmpty, "\(differing.prefix(20))")
            #expect(days.count > 4000 && stamps.count > 200)
            // Where SQLite slips (its round trip keeps 0300-02-29, which the calendar lacks, and
            // turns 0300-03-01 into it), the checks keep to the calendar.
            let year300 = try Row.fetchOne(db, sql: "SELECT contract_date('0300-02-29'), contract_date('0300-03-01'), contract_date('0400-02-29')")!
            #expect(year300[0] as Int == 0 && year300[1] as Int == 1 && year300[2] as Int == 1)
        }
    }

    @Test func aCleanDatabaseHasNoProblem() throws {
        #expect(try problems("").isEmpty)
    }

    @Test func aWrongVersionIsRefused() throws {
        let dir = try TemporaryDirectory()
        let path = try Fixtures.database(in: dir, "PRAGMA user_version = 2")
        #expect { try AccountDatabase(path: path) } throws: {
            "\($0)".contains(path) && "\($0)".contains("user_version) is 2, expected 1")
        }
    }

    @Test func aMissingColumnOrTableIsNamed() throws {
        let dir = try TemporaryDirectory()
        let path = try Fixtures.database(in: dir, "ALTER TABLE loan DROP COLUMN renewals; DROP TABLE review;")
        #expect { try AccountDatabase(path: path) } throws: {
            "\($0)".contains("table 'loan' lacks column 'renewals'") && "\($0)".contains("missing table 'review'")
        }
    }

    @Test func aCorruptFileIsRefusedCleanly() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("broken.sqlite", String(repeating: "this is not a database ", count: 200))
        #expect { try AccountDatabase(path: path) } throws: {
            "\($0)".contains(path) && "\($0)".contains("not a readable SQLite database")
        }
    }

    @Test func aMissingFileIsNeverCreated() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("nowhere.sqlite")
        #expect { try AccountDatabase(path: path) } throws: { "\($0)".contains("no such database file") }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func readingNeverWrites() throws {
        let dir = try TemporaryDirectory()
        let path = try Fixtures.database(in: dir, """
            INSERT INTO loan (id, barcode, patron_card, library, borrowed_on, due_on) VALUES (1, '34200021072893', '24200001234567', 'TAR', '2025-03-01', '2025-03-29');
            """)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let db = try AccountDatabase(path: path)
        _ = try db.contractProblems()
        try db.forEachBundle(today: today, rules: Rules()) { _ in }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        let entries = try FileManager.default.contentsOfDirectory(atPath: dir.url.path)
        #expect(entries == ["accounts.sqlite"])
    }

    @Test func rowsThatBreakTheContractAreReportedWithTableRowColumnAndValue() throws {
        let found = try problems("""
            INSERT INTO patron (card_number, pseudo, first_name, last_name, membership_expires) VALUES ('123', 'Short', 'A', 'B', '2026-01-01');
            INSERT INTO loan (id, barcode, patron_card, library, borrowed_on, due_on) VALUES
              (7, '34200021072893', '24200001234567', 'TAR', '2025-02-30', '2025-03-29'),
              (8, '99999999999999', '24200001234567', 'TAR', '2025-03-01', '2025-03-29');
            INSERT INTO hold (id, document_id, patron_card, pickup_library, placed_on, available_on, available_until, queue_position)
              VALUES (3, 1, '24200001234567', 'TAR', '2025-03-01', '2025-03-10', NULL, 2);
            """)
        #expect(found.contains { $0.contains("table patron, row 123, column card_number") && $0.contains("'123' is not a 14-digit card number") })
        #expect(found.contains { $0.contains("table loan, row 7, column borrowed_on") && $0.contains("'2025-02-30' is not a date") })
        #expect(found.contains { $0.contains("table loan, row 8, column barcode") && $0.contains("'99999999999999' names an unknown item") })
        #expect(found.contains { $0.contains("table hold, row 3, column queue_position") && $0.contains("neither waiting") })
    }

    /// A NUL byte would cut a text short (the page showed "Em" for "Em\0ma"), invalid UTF-8
    /// came out three ways in three formats, a BLOB is not text: each is reported.
    @Test func textThatIsNotTextIsAContractProblem() throws {
        let found = try problems("""
            UPDATE patron SET first_name = 'Em' || char(0) || 'ma' WHERE card_number = '24200001234567';
            UPDATE patron SET city = x'414243' WHERE card_number = '24200001234568';
            UPDATE library SET address = CAST(x'41C3' AS TEXT) WHERE code = 'CAR';
            UPDATE document SET summary = CAST(x'EDA080' AS TEXT) WHERE id = 2;
            UPDATE patron SET last_name = 'Zoé 山田 ليلى' WHERE card_number = '24200001234569';
            """)
        #expect(found.contains { $0.contains("table patron, row 24200001234567, column first_name") && $0.contains("value X'456D006D61' is not text") })
        #expect(found.contains { $0.contains("table patron, row 24200001234568, column city") && $0.contains("is not text: a BLOB") })
        #expect(found.contains { $0.contains("table library, row CAR, column address") && $0.contains("is not text") })
        #expect(found.contains { $0.contains("table document, row 2, column summary") && $0.contains("is not text") })
        // Every script is text.
        #expect(!found.contains { $0.contains("row 24200001234569") })
        #expect(found.count == 4)
    }

    @Test func problemsAreCappedWithACount() throws {
        let dir = try TemporaryDirectory()
        let rows = (1...30).map { "(\($0), '34200021072893', '24200001234567', 'TAR', 'never', '2025-03-29')" }.joined(separator: ",")
        let db = try AccountDatabase(path: try Fixtures.database(in: dir, """
            INSERT INTO loan (id, barcode, patron_card, library, borrowed_on, due_on) VALUES \(rows);
            """))
        let found = try db.contractProblems(limit: 10)
        #expect(found.problems.count == 10 && found.omitted == 20)
        #expect(found.description.hasSuffix("… and 20 more problems"))
    }

    @Test func hostileValuesArePrintedSafely() throws {
        let found = try problems("""
            INSERT INTO patron (card_number, pseudo, first_name, last_name, membership_expires) VALUES ('24200001234599', 'X', 'A', 'B', char(27) || '[31mred');
            """)
        let line = try #require(found.first { $0.contains("membership_expires") })
        #expect(!line.contains("\u{1B}") && line.contains("\\u{1b}[31mred"))
    }

    @Test func readsABundleWithSharedAccountsAndTheHistoryWindow() throws {
        let dir = try TemporaryDirectory()
        let db = try AccountDatabase(path: try Fixtures.database(in: dir, """
            INSERT INTO account_share (holder_card, member_card) VALUES ('24200001234567', '24200001234568');
            INSERT INTO loan (id, barcode, patron_card, library, borrowed_on, due_on, renewals, returned_on) VALUES
              (1, '34200021072893', '24200001234567', 'TAR', '2025-03-01', '2025-03-27', 0, NULL),
              (2, '34200022292839', '24200001234568', 'TAR', '2025-03-01', '2025-03-29', 1, NULL),
              (3, '34200021072893', '24200001234567', 'TAR', '2024-12-01', '2024-12-29', 0, '2024-12-28'),
              (4, '34200021072893', '24200001234567', 'TAR', '2024-12-01', '2024-12-29', 0, '2024-12-27');
            INSERT INTO hold (id, document_id, patron_card, pickup_library, placed_on, available_on, available_until, queue_position) VALUES
              (1, 2, '24200001234569', 'CAR', '2025-03-10', NULL, NULL, 1),
              (2, 1, '24200001234568', 'TAR', '2025-03-10', '2025-03-20', '2025-04-03', NULL);
            INSERT INTO event_registration (id, patron_card, registered_by, event_id, session_id, status, registered_at) VALUES
              (1, '24200001234568', '24200001234567', 'e1', 's1', 'confirmed', '2025-03-01T10:00:00');
            """))
        let bundle = try #require(try db.bundle(card: "24200001234567", today: today, rules: Rules()))
        #expect(bundle.own.patron.firstName == "Aurore")
        #expect(bundle.own.loans.map(\.id) == [1])
        #expect(bundle.own.history.map(\.loanID) == [3]) // returned exactly three months ago; loan 4 a day older is never read
        #expect(bundle.shared.map(\.patron.firstName) == ["Hannibal"])
        let member = bundle.shared[0]
        #expect(member.loans.first?.awaitedByAnother == true)
        #expect(member.loans.first?.renewal(today: today, rules: Rules()) == .refused(.alreadyRenewed(limit: 1)))
        #expect(member.holds.first?.isAvailable == true)
        #expect(member.registrations.map(\.eventID) == ["e1"])
        #expect(member.history.isEmpty && member.reviews.isEmpty) // a holder sees loans, holds and registrations only
        let hannibal = try #require(try db.bundle(card: "24200001234568", today: today, rules: Rules()))
        #expect(hannibal.shared.isEmpty) // sharing goes one way per row
        #expect(try db.confirmedRegistrations() == [SessionKey(eventID: "e1", sessionID: "s1"): 1])
    }

    @Test func streamsEveryPatronOnce() throws {
        let dir = try TemporaryDirectory()
        let db = try AccountDatabase(path: try Fixtures.database(in: dir))
        var cards: [String] = []
        try db.forEachBundle(today: today, rules: Rules()) { cards.append($0.own.patron.cardNumber) }
        #expect(cards == ["24200001234567", "24200001234568", "24200001234569"])
    }

    /// Random access (a changed patron on a rebuild) reads the very rows the stream reads:
    /// the same digest, the same bundle, for every patron of the demo.
    @Test func oneCardReadsWhatTheStreamReads() throws {
        let dir = try TemporaryDirectory()
        let demo = try DemoData(siteDirectory: Repository.site, today: today).materialize(into: dir.url)
        let db = try AccountDatabase(path: demo.database)
        let documents = try db.documentDigests()
        var streamed: [AccountDatabase.PatronRead] = []
        try db.forEachPatron(today: today, rules: Rules(), decoding: .all, documents: documents) { streamed.append($0) }
        // Without decoding, the documents are not read: their digests stand for them.
        var digested: [String: [UInt8]] = [:]
        try db.forEachPatron(today: today, rules: Rules(), decoding: .none, documents: documents) { read in
            #expect(read.bundle == nil)
            digested[read.card] = read.rows.finalize()
        }
        #expect(digested.count == streamed.count)
        // Decoding some patrons, the stream has the documents' ids only, and looks up the
        // documents of those it decodes: the same bundles, the others not decoded.
        let some = Set(streamed.map(\.card).enumerated().filter { $0.offset % 3 == 0 }.map(\.element))
        var looked: [String: AccountDatabase.PatronRead] = [:]
        try db.forEachPatron(today: today, rules: Rules(), decoding: .only(some), documents: documents) { looked[$0.card] = $0 }
        #expect(looked.count == streamed.count)
        for one in streamed {
            let alone = try #require(try db.read(card: one.card, today: today, rules: Rules(), documents: documents))
            #expect(alone.rows.finalize() == one.rows.finalize(), "\(one.card)")
            #expect(digested[one.card] == one.rows.finalize(), "\(one.card)")
            #expect(alone.keyVersion == one.keyVersion)
            #expect(alone.bundle == one.bundle, "\(one.card)")
            let read = try #require(looked[one.card])
            #expect(read.rows.finalize() == one.rows.finalize(), "\(one.card)")
            #expect(read.bundle == (some.contains(one.card) ? one.bundle : nil), "\(one.card)")
        }
        let count = streamed.count, shared = streamed.filter { !($0.bundle?.shared.isEmpty ?? true) }.count
        let digests = Set(streamed.map { $0.rows.finalize() })
        #expect(count > 100 && shared > 0 && digests.count == count)
        #expect(try db.read(card: "00000000000000", today: today, rules: Rules(), documents: documents) == nil)
    }

    /// A pass that decodes some patrons reads their documents as the joins of a full read
    /// do, also where an id matches only as a number does (a text `'0042'` for item's `42`).
    @Test func aPassThatDecodesSomeReadsTheDocumentsTheJoinsRead() throws {
        let dir = try TemporaryDirectory()
        let demo = try DemoData(siteDirectory: Repository.site, today: today).materialize(into: dir.url)
        try IncrementalBuildTests.giveDocumentsTextIDs(demo.database)
        let queue = try DatabaseQueue(path: demo.database)
        try queue.write { try $0.execute(sql: "UPDATE document SET id = '00' || id") }
        try queue.close()
        let db = try AccountDatabase(path: demo.database)
        let documents = try db.documentDigests()
        var all: [String: PatronBundle] = [:]
        try db.forEachPatron(today: today, rules: Rules(), decoding: .all, documents: documents) { all[$0.card] = $0.bundle }
        let loans = all.values.reduce(0) { $0 + $1.own.loans.count }
        var some: [String: PatronBundle] = [:]
        try db.forEachPatron(today: today, rules: Rules(), decoding: .only(Set(all.keys)), documents: documents) { some[$0.card] = $0.bundle }
        #expect(loans > 100 && some == all)
    }

    /// A retitled document changes the digest of a patron who borrowed it, read with its
    /// documents or without, also when the documents' ids cannot be looked up (text ids).
    @Test func aRetitledDocumentChangesTheDigestOfItsBorrower() throws {
        for textIDs in [false, true] {
            let dir = try TemporaryDirectory()
            let demo = try DemoData(siteDirectory: Repository.site, today: today).materialize(into: dir.url)
            if textIDs { try IncrementalBuildTests.giveDocumentsTextIDs(demo.database) }
            func digests() throws -> (full: [String: [UInt8]], light: [String: [UInt8]]) {
                let db = try AccountDatabase(path: demo.database)
                let documents = try db.documentDigests()
                var full: [String: [UInt8]] = [:], light: [String: [UInt8]] = [:]
                try db.forEachPatron(today: today, rules: Rules(), decoding: .all, documents: documents) { full[$0.card] = $0.rows.finalize() }
                try db.forEachPatron(today: today, rules: Rules(), decoding: .none, documents: documents) { light[$0.card] = $0.rows.finalize() }
                return (full, light)
            }
            let before = try digests()
            let queue = try DatabaseQueue(path: demo.database)
            let card = try queue.write { db in
                let loan = try #require(try Row.fetchOne(db, sql: """
                    SELECT l.patron_card, i.document_id FROM loan l JOIN item i ON i.barcode = l.barcode
                    WHERE l.returned_on IS NULL ORDER BY l.id LIMIT 1
                    """))
                try db.execute(sql: "UPDATE document SET title = 'Titre corrigé' WHERE id = ?", arguments: [loan[1] as DatabaseValue])
                #expect(db.changesCount == 1)
                return loan[0] as String
            }
            try queue.close()
            let after = try digests()
            #expect(after.full[card] != before.full[card] && after.light[card] != before.light[card], "text ids: \(textIDs)")
            // Those who show nothing of it keep their digests.
            #expect(before.full.filter { after.full[$0.key] == $0.value }.count > 100 || textIDs)
        }
    }

    @Test func theEmbeddedSchemaIsTheDocumentedContract() throws {
        let documented = try String(contentsOf: Repository.root.appendingPathComponent("docs/account-db.sql"), encoding: .utf8)
        #expect(AccountSchema.sql + "\n" == documented || AccountSchema.sql == documented)
    }
}
