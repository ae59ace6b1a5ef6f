import ArgumentParser
import Foundation
import MediathequeKit

struct Link: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a patron's private URLs (pages, calendar also as webcal://, summary PDF, data export, search feeds).",
        discussion: """
            URLs are built from private_base_url (site.conf) and the patron's token, which needs the card's \
            feed_key_version: it is read from --database, or from the bundled demo when --database is omitted. \
            The secret itself is never printed.
            """)

    @Option(help: "The patron's card number (14 digits).")
    var card: String

    @Option(help: "A file holding the site secret (else the MEDIATHEQUE_SECRET environment variable).")
    var secretFile: String?

    @Option(help: "The account database (SQLite, schema version 1), opened read-only; default: the bundled demo.")
    var database: String?

    @Option(help: "The site folder: site.conf and demo/.")
    var site = "Site"

    @Option(help: "The reference date, YYYY-MM-DD (default: today in the site's time zone); the demo is dated from it.")
    var today: String?

    func validate() throws {
        guard card.count == 14, card.allSatisfy(\.isASCII), card.allSatisfy(\.isNumber) else {
            throw ValidationError("--card must be a 14-digit card number")
        }
    }

    func run() throws {
        try reportingFailures {
            let inputs = try CommandInputs(database: database, agenda: nil, site: URL(fileURLWithPath: site),
                                           today: today, secretFile: secretFile)
            defer { inputs.cleanUp() }
            let (config, day, secret) = (inputs.config, inputs.today, inputs.secret)
            let accounts = try AccountDatabase(path: inputs.database)
            guard let bundle = try accounts.bundle(card: card, today: day, rules: config.rules) else {
                throw fail(["\(database ?? "the demo database"): no patron with card number \(card)"])
            }
            let token = PatronToken(secret: secret.bytes).token(for: bundle.own.patron)
            let links = PrivateFolderLayout.links(for: bundle, token: token, baseURL: config.privateBaseURL)
            let width = links.map { terminalSafe($0.label).count }.max() ?? 0
            for link in links {
                let label = terminalSafe(link.label)
                print(label + String(repeating: " ", count: width - label.count + 2) + link.url)
            }
        }
    }
}

/// Names from the database, safe to print: control and format characters shown as `\u{…}`.
func terminalSafe(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator:
            out += "\\u{\(String(scalar.value, radix: 16))}"
        default:
            out.unicodeScalars.append(scalar)
        }
    }
    return out
}
