import ArgumentParser
import Foundation
import MediathequeKit

struct Send: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Hand each message waiting in --outbox to the mail submission command; exit status 1 if any failed.",
        discussion: """
            Each message is moved to sending/, piped to the command, then moved to sent/ when the command \
            succeeds, or back with the command's output in <id>.error when it fails (the next run tries it \
            again). A message is never sent twice: one left in sending/ by an interrupted run is reported, \
            not sent again.
            """)

    @Option(help: "The outbox folder written by 'mediatheque alerts'.")
    var outbox: String

    @Option(help: "The mail submission command, split on spaces (no shell); it reads the message, recipients included, on its standard input.")
    var sendmail = "/usr/sbin/sendmail -t -oi"

    var command: [String] { sendmail.split(separator: " ").map(String.init) }

    func validate() throws {
        if command.isEmpty { throw ValidationError("--sendmail must name a command") }
    }

    func run() throws {
        try reportingFailures {
            let report = try OutboxSender(outbox: Outbox(root: URL(fileURLWithPath: outbox)), command: command).run()
            print(report)
            if !report.succeeded { throw ExitCode(1) }
        }
    }
}
