import ArgumentParser
import Foundation

/// What `build`, `serve` and `alerts` read: the database and the feed (or the demo), the
/// site folder, the templates, the day and the secret.
struct InputOptions: ParsableArguments {
    @Option(help: "The account database (SQLite, schema version 1), opened read-only.")
    var database: String?

    @Option(help: "The agenda feed (XML, urn:mediatheque:agenda:1).")
    var agenda: String?

    @Option(help: "The site folder: site.conf, assets/ and demo/.")
    var site = "Site"

    @Option(help: "The Mustache templates folder.")
    var templates = "Templates"

    @Option(help: "The reference date, YYYY-MM-DD (default: today in the site's time zone).")
    var today: String?

    @Option(help: "A file holding the site secret (else the MEDIATHEQUE_SECRET environment variable).")
    var secretFile: String?

    func validate() throws {
        if (database == nil) != (agenda == nil) {
            throw ValidationError("give both --database and --agenda, or neither for the demo")
        }
    }

    var siteURL: URL { URL(fileURLWithPath: site) }
    var templatesURL: URL { URL(fileURLWithPath: templates) }

    /// The inputs read: the demo's materialized when no database is given (``CommandInputs/cleanUp()`` removes them).
    func read() throws -> CommandInputs {
        try CommandInputs(database: database, agenda: agenda, site: siteURL, today: today, secretFile: secretFile)
    }
}
