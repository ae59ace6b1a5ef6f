import ArgumentParser
import Foundation
import MediathequeKit
import MediathequeMail

struct Alerts: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the day's e-mail alerts of followed searches into --outbox; without --database and --agenda, for the bundled demo.",
        discussion: """
            A patron with an e-mail address gets one message when a search they follow (active, due today) has \
            new results: daily searches, those of the day before; weekly ones, on Mondays, the seven days before; \
            monthly ones, on the 1st, the previous month. The messages go to <outbox>/<YYYY-MM-DD>/, written \
            whole or not at all; 'mediatheque send' hands them to the mail system.
            """)

    @Option(help: "The account database (SQLite, schema version 1), opened read-only.")
    var database: String?

    @Option(help: "The agenda feed (XML, urn:mediatheque:agenda:1).")
    var agenda: String?

    @Option(help: "The site folder: site.conf and demo/.")
    var site = "Site"

    @Option(help: "The Mustache templates folder (alerts/message.html and alerts/message.txt).")
    var templates = "Templates"

    @Option(help: "The outbox folder, outside any bundle: the day's messages go to <outbox>/<YYYY-MM-DD>/.")
    var outbox: String

    @Option(help: "The reference date, YYYY-MM-DD (default: today in the site's time zone); catch a missed night up with it.")
    var today: String?

    @Option(help: "A file holding the site secret (else the MEDIATHEQUE_SECRET environment variable).")
    var secretFile: String?

    func validate() throws {
        if (database == nil) != (agenda == nil) {
            throw ValidationError("give both --database and --agenda, or neither for the demo")
        }
    }

    func run() throws {
        let siteURL = URL(fileURLWithPath: site)
        do {
            let inputs = try CommandInputs(database: database, agenda: agenda, site: siteURL, today: today, secretFile: secretFile)
            defer { inputs.cleanUp() }
            let builder = AlertBuilder(inputs: .init(
                database: inputs.database, agenda: inputs.agenda, siteDirectory: siteURL,
                templatesDirectory: URL(fileURLWithPath: templates), outbox: URL(fileURLWithPath: outbox),
                today: inputs.today, secret: inputs.secret), encoder: MIMEWriter.bytes(of:))
            print(try builder.build())
        } catch let error as ValidationError {
            throw error
        } catch {
            throw fail(describe(error))
        }
    }
}
