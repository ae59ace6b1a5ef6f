import Foundation
import GRDB

/// The bundled demo: the guide's own examples (`Site/demo/accounts.sql`,
/// `Site/demo/agenda.xml`) plus generated filler, then the followers of the
/// e-mail alerts (`Site/demo/alerts.sql`), all dated relative to the build's
/// reference date so the demo looks alive whatever the day.
///
/// In the demo files, `{{today}}`, `{{today+3}}`, `{{today-2m}}` and
/// `{{today-3m-1}}` stand for ISO dates: today, three days later, two months
/// earlier, three months and one day earlier.
public struct DemoData: Sendable {
    public var siteDirectory: URL
    public var today: Day
    public var generatedPatrons = 150

    public init(siteDirectory: URL, today: Day) {
        self.siteDirectory = siteDirectory
        self.today = today
    }

    /// Writes `accounts.sqlite` and `agenda.xml` into `directory` and returns their paths.
    public func materialize(into directory: URL) throws -> (database: String, agenda: String) {
        let demo = siteDirectory.appendingPathComponent("demo")
        let sql = try Self.expand(try text(demo.appendingPathComponent("accounts.sql")), today: today)
        // After the filler, whose rows' ids (saved searches: the next free one) it must not shift.
        let alerts = try Self.expand(try text(demo.appendingPathComponent("alerts.sql")), today: today)
        var agenda = try Self.expand(try text(demo.appendingPathComponent("agenda.xml")), today: today)
        let generator = DemoGenerator(patrons: generatedPatrons, seed: 2025, today: today)
        guard let close = agenda.range(of: "</agenda>", options: .backwards) else {
            throw InputProblem(file: demo.appendingPathComponent("agenda.xml").path, message: "has no </agenda>")
        }
        agenda.insert(contentsOf: generator.eventsXML(), at: close.lowerBound)

        let database = directory.appendingPathComponent("accounts.sqlite").path
        let agendaPath = directory.appendingPathComponent("agenda.xml").path
        try? FileManager.default.removeItem(atPath: database)
        try Self.createDatabase(at: database) { db in
            try db.execute(sql: sql)
            try generator.insert(into: db)
            try db.execute(sql: alerts)
        }
        try Data(agenda.utf8).write(to: URL(fileURLWithPath: agendaPath))
        return (database, agendaPath)
    }

    /// Creates a database with the schema, fills it with `fill` in one transaction.
    public static func createDatabase(at path: String, _ fill: (Database) throws -> Void) throws {
        var config = Configuration()
        config.foreignKeysEnabled = false // like a real export: the contract checks find broken references
        let queue = try DatabaseQueue(path: path, configuration: config)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
            try db.inTransaction {
                try db.execute(sql: AccountSchema.sql)
                try fill(db)
                return .commit
            }
        }
        try queue.close()
    }

    private func text(_ url: URL) throws -> String {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw InputProblem(file: url.path, message: "demo file not found")
        }
        return String(decoding: data, as: UTF8.self)
    }

    static let token = try! NSRegularExpression(pattern: #"\{\{today(?:([+-]\d+)m)?([+-]\d+)?\}\}"#)

    /// Replaces the date tokens of a demo file.
    static func expand(_ text: String, today: Day) throws -> String {
        let ns = text as NSString
        var result = ""
        var last = 0
        for match in token.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            result += ns.substring(with: NSRange(location: last, length: match.range.location - last))
            var day = today
            if match.range(at: 1).location != NSNotFound { day = day.adding(months: Int(ns.substring(with: match.range(at: 1)))!) }
            if match.range(at: 2).location != NSNotFound { day = day.adding(days: Int(ns.substring(with: match.range(at: 2)))!) }
            result += day.iso
            last = match.range.location + match.range.length
        }
        return result + ns.substring(from: last)
    }
}
