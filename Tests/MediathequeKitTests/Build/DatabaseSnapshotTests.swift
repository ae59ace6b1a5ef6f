import Foundation
import GRDB
@testable import MediathequeKit
import Testing

/// Every connection of a build reads one committed state of the database, whatever a
/// writer commits meanwhile (``DatabaseSnapshot``).
struct DatabaseSnapshotTests {
    /// A WAL database and a writer on a thread and a connection of its own that, in one
    /// transaction each, sets every patron's city and every loan's due date from a
    /// generation number, and deletes (odd generations) or restores (even ones) a patron with
    /// all their rows. Across three builds that it writes through, each folder's `donnees.json`
    /// holds one generation, every folder the same one, and the deleted patron has a folder
    /// exactly when that generation keeps them.
    @Test func aLiveWriterNeverGetsAMixedBundlePublished() throws {
        let dir = try TemporaryDirectory()
        let demo = try DemoData(siteDirectory: Repository.site, today: IncrementalBuildTests.today).materialize(into: dir.url)
        let out = dir.url.appendingPathComponent("_site")
        let writer = try LiveWriter(path: demo.database)
        try writer.commit() // generation 1: every city and due date is a generation's
        writer.start()
        defer { writer.stop() }
        for build in 1...3 {
            let before = writer.generation
            _ = try IncrementalBuildTests.build(out, demo)
            let generations = try Self.generations(in: out, deleted: writer.deletedCard)
            #expect(generations.count == 1, "build \(build): folders from generations \(generations.sorted())")
            #expect(writer.generation > before + 1, "build \(build): the writer committed during the build")
        }
        writer.stop()
        #expect(writer.failure == nil, "\(writer.failure.map { "\($0)" } ?? "")")
    }

    /// With a rollback journal, a writer holding the lock is waited for `busyTimeout`, then
    /// the build refuses, naming the database, and the published bundle stays as it was.
    @Test func aWriterHoldingTheLockIsWaitedForThenRefused() throws {
        let dir = try TemporaryDirectory()
        let demo = try DemoData(siteDirectory: Repository.site, today: IncrementalBuildTests.today).materialize(into: dir.url)
        let out = dir.url.appendingPathComponent("_site")
        _ = try IncrementalBuildTests.build(out, demo)
        let before = IncrementalBuildTests.tree(out)
        var config = Configuration()
        config.allowsUnsafeTransactions = true // the lock is held across accesses
        let lock = try DatabaseQueue(path: demo.database, configuration: config)
        try lock.inDatabase { db in try db.execute(sql: "BEGIN EXCLUSIVE") }
        var inputs = SiteBuilder.Inputs(database: demo.database, agenda: demo.agenda, siteDirectory: Repository.site,
                                        templatesDirectory: Repository.templates, output: out,
                                        today: IncrementalBuildTests.today, secret: .demo)
        inputs.busyTimeout = 0.5
        let builder = SiteBuilder(inputs: inputs)
        let started = Date()
        #expect { try builder.build() } throws: { "\($0)".contains("locked by a writer for more than") }
        #expect(Date().timeIntervalSince(started) >= 0.5)
        try lock.inDatabase { db in try db.execute(sql: "ROLLBACK") }
        #expect(IncrementalBuildTests.tree(out) == before)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.url.path)
        #expect(!files.contains { $0.contains(".accounts-") }, "the copy is removed: \(files)")
    }

    /// The generation each patron folder of `out` holds (its city's and its loans' due dates'),
    /// checking that each folder holds one only, and that the patron the writer deletes has a
    /// folder exactly when that generation has them.
    static func generations(in out: URL, deleted card: String) throws -> Set<Int> {
        let folders = out.appendingPathComponent("private")
        var generations = Set<Int>()
        var cards = Set<String>()
        for name in try FileManager.default.contentsOfDirectory(atPath: folders.path) where name != "assets" {
            let file = folders.appendingPathComponent(name).appendingPathComponent("donnees.json")
            guard let data = FileManager.default.contents(atPath: file.path) else { continue }
            let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let profile = try #require(json["profile"] as? [String: Any])
            cards.insert(try #require(profile["card_number"] as? String))
            var found = Set<Int>()
            LiveWriter.collect(json, into: &found)
            #expect(found.count == 1, "\(name): generations \(found.sorted())")
            generations.formUnion(found)
        }
        if let generation = generations.first, generations.count == 1 {
            #expect(cards.contains(card) == LiveWriter.keeps(generation: generation), "generation \(generation)")
        }
        return generations
    }
}

/// Commits generation after generation on its own connection and thread.
final class LiveWriter: @unchecked Sendable {
    static let firstDueDay = Day(year: 2027, month: 1, day: 1)!
    private let queue: DatabaseQueue
    let deletedCard: String
    private let lock = NSLock()
    private var committed = 0
    private var stopping = false
    private var thread: Thread?
    private let done = DispatchSemaphore(value: 0)
    private(set) var failure: (any Error)?

    var generation: Int { lock.withLock { committed } }

    init(path: String) throws {
        var config = Configuration()
        config.foreignKeysEnabled = false
        config.busyMode = .timeout(10)
        queue = try DatabaseQueue(path: path, configuration: config)
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
        // A patron nobody shares an account with or registers: their rows go and come back whole.
        deletedCard = try queue.write { db in
            let card = try #require(try String.fetchOne(db, sql: """
                SELECT card_number FROM patron p WHERE EXISTS (SELECT 1 FROM loan WHERE patron_card = p.card_number)
                AND NOT EXISTS (SELECT 1 FROM account_share WHERE p.card_number IN (holder_card, member_card))
                AND NOT EXISTS (SELECT 1 FROM event_registration WHERE registered_by = p.card_number AND patron_card <> p.card_number)
                ORDER BY card_number LIMIT 1
                """))
            for (table, condition) in Self.rowsOfPatron {
                try db.execute(sql: "CREATE TABLE kept_\(table) AS SELECT * FROM \(table) WHERE \(condition)", arguments: [card])
            }
            return card
        }
    }

    /// The patron's rows, children first.
    static let rowsOfPatron: [(String, String)] = [
        ("shelf_entry", "shelf_id IN (SELECT id FROM shelf WHERE patron_card = ?)"),
        ("saved_search_facet", "search_id IN (SELECT id FROM saved_search WHERE patron_card = ?)"),
        ("loan", "patron_card = ?"), ("hold", "patron_card = ?"), ("review", "patron_card = ?"),
        ("shelf", "patron_card = ?"), ("saved_search", "patron_card = ?"), ("event_registration", "patron_card = ?"),
        ("patron", "card_number = ?"),
    ]

    /// Whether the deleted patron is there in `generation`.
    static func keeps(generation: Int) -> Bool { generation % 2 == 0 }

    /// Commits the next generation.
    func commit() throws {
        let next = generation + 1
        try queue.write { db in
            let present = try Bool.fetchOne(db, sql: "SELECT count(*) FROM patron WHERE card_number = ?", arguments: [deletedCard]) ?? false
            if Self.keeps(generation: next), !present {
                for (table, _) in Self.rowsOfPatron.reversed() { try db.execute(sql: "INSERT INTO \(table) SELECT * FROM kept_\(table)") }
            } else if !Self.keeps(generation: next), present {
                for (table, condition) in Self.rowsOfPatron { try db.execute(sql: "DELETE FROM \(table) WHERE \(condition)", arguments: [deletedCard]) }
            }
            // After the restore: the rows restored are of this generation too.
            try db.execute(sql: "UPDATE patron SET city = ?", arguments: ["Gen-\(next)"])
            try db.execute(sql: "UPDATE loan SET due_on = ?", arguments: [Self.firstDueDay.adding(days: next).iso])
        }
        lock.withLock { committed = next }
    }

    func start() {
        let thread = Thread { [self] in
            while !lock.withLock({ stopping }) {
                do { try commit() } catch { failure = error; break }
                usleep(2000)
            }
            done.signal()
        }
        self.thread = thread
        thread.start()
    }

    func stop() {
        guard let thread = lock.withLock({ () -> Thread? in
            stopping = true
            defer { self.thread = nil }
            return self.thread
        }) else { return }
        _ = thread
        done.wait()
    }

    /// The generations a `donnees.json` holds: its cities' and its loans' due dates'.
    static func collect(_ value: Any, into found: inout Set<Int>) {
        if let object = value as? [String: Any] {
            for (key, child) in object {
                if key == "city", let city = child as? String, city.hasPrefix("Gen-"), let n = Int(city.dropFirst(4)) {
                    found.insert(n)
                } else if key == "loans", let loans = child as? [[String: Any]] {
                    for loan in loans {
                        if let due = loan["due_on"] as? String, let day = Day(iso: due) { found.insert(firstDueDay.days(to: day)) }
                    }
                }
                collect(child, into: &found)
            }
        } else if let array = value as? [Any] {
            for child in array { collect(child, into: &found) }
        }
    }
}
