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

    /// Its templates are alerts/message.html and alerts/message.txt; a missed night is caught up with --today.
    @OptionGroup var input: InputOptions

    @Option(help: "The outbox folder, outside any bundle: the day's messages go to <outbox>/<YYYY-MM-DD>/.")
    var outbox: String

    func run() throws {
        try reportingFailures {
            let inputs = try input.read()
            defer { inputs.cleanUp() }
            let builder = AlertBuilder(inputs: .init(
                database: inputs.database, agenda: inputs.agenda, siteDirectory: input.siteURL,
                templatesDirectory: input.templatesURL, outbox: URL(fileURLWithPath: outbox),
                today: inputs.today, secret: inputs.secret), encoder: MIMEWriter.bytes(of:))
            print(try builder.build())
        }
    }
}
