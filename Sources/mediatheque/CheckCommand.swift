import ArgumentParser
import Foundation
import MediathequeKit

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate the account database and the agenda feed; list every problem found (exit status 1 if any).")

    @Option(help: "The account database (SQLite, schema version 1).")
    var database: String

    @Option(help: "The agenda feed (XML).")
    var agenda: String

    @Option(help: "The site folder (for site.conf).")
    var site = "Site"

    @Option(help: "At most this many problems are listed; the rest are counted.")
    var limit = 100

    func run() throws {
        var problems: [String] = []
        var omitted = 0
        var libraries: [String: Library]?
        var patrons = 0
        do {
            let db = try AccountDatabase(path: database)
            libraries = db.libraries
            let found = try db.contractProblems(limit: limit)
            problems += found.problems.map(\.description)
            omitted += found.omitted
            if found.problems.isEmpty {
                // Read every patron's account once, as a build would, one at a time.
                let config = try SiteConfiguration.load(from: URL(fileURLWithPath: site))
                try db.forEachBundle(today: try referenceDay(nil, timeZone: config.timeZone), rules: config.rules) { _ in patrons += 1 }
            }
        } catch {
            problems += describe(error)
        }
        do {
            var reader = AgendaFeedReader(file: agenda, libraries: libraries)
            reader.problemLimit = limit
            _ = try reader.read()
        } catch let found as InputProblems {
            problems += found.problems.map(\.description)
            omitted += found.omitted
        } catch {
            problems += describe(error)
        }
        if problems.count > limit {
            omitted += problems.count - limit
            problems = Array(problems.prefix(limit))
        }
        if problems.isEmpty {
            print("\(database), \(agenda): no problem found (\(patrons) patrons read)")
            return
        }
        if omitted > 0 { problems.append("… and \(omitted) more problem\(omitted == 1 ? "" : "s")") }
        throw fail(problems)
    }
}
