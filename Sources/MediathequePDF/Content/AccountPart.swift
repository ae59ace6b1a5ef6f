import MediathequeKit

/// One account of the summary: its heading, the account in brief and its three tables.
struct AccountPart: Hashable {
    /// "Mon compte — Aurore Boréale" or "Compte partagé — Hannibal Lecteur".
    var heading: String
    /// "Carte n° 24200001234567".
    var card: String
    /// The sentences of ``AccountSummary``, exactly as the model words them.
    var loanLines: [String]
    var holdLines: [String]
    var loans: TablePart
    var holds: TablePart
    var registrations: TablePart

    var tables: [TablePart] { [loans, holds, registrations] }

    init(_ account: Account, isOwn: Bool, today: Day, rules: Rules,
         sessions: (SessionKey) -> (event: Event, session: Session)?) {
        // Isolated: a right-to-left name, or a stray override in it, cannot reorder what follows
        // the heading (" (suite)" atop a continuation page).
        let name = Text.isolated(PDFText.printable(account.patron.displayName))
        heading = Wording.Summary.accountHeading(name: name, isOwn: isOwn)
        card = Wording.Summary.card(PDFText.printable(account.patron.cardNumber))
        let summary = account.summary(today: today, reading: .kept)
        loanLines = summary.loanLines
        holdLines = summary.holdLines
        loans = TablePart.loans(account.loans, today: today, rules: rules)
        holds = TablePart.holds(account.holds)
        registrations = TablePart.registrations(account.registrations, today: today, sessions: sessions)
    }
}
