import MediathequeKit

/// What the summary says, before any layout: the strings of every heading, sentence
/// and table cell, built from a ``PatronBundle`` and the rules.
///
/// Pure values: nothing here knows about pages, fonts or cairo, so the wording and
/// the choice of rows can be checked without rendering.
struct SummaryContent: Hashable {
    static let documentTitle = "Synthèse de mes comptes"

    var networkName: String
    var cardNumber: String
    var holderName: String
    /// "Aurore Boréale · carte n° 24200001234567".
    var holderLine: String
    /// "Situation au 28/03/2025".
    var situation: String
    /// Own account first, then each shared account.
    var accounts: [AccountPart]

    init(bundle: PatronBundle, networkName: String, today: Day, rules: Rules,
         sessions: (SessionKey) -> (event: Event, session: Session)?) {
        self.networkName = Text.printable(networkName)
        cardNumber = Text.printable(bundle.own.patron.cardNumber)
        holderName = Text.printable(bundle.own.patron.displayName)
        holderLine = "\(Text.isolated(holderName)) · carte n° \(cardNumber)"
        situation = "Situation au \(today.french)"
        accounts = bundle.accounts.enumerated().map { number, account in
            AccountPart(account, isOwn: number == 0, today: today, rules: rules, sessions: sessions)
        }
    }

    /// Title, author and subject of the PDF; the date is the reference date, never the clock.
    func metadata(today: Day) -> PDFMetadata {
        PDFMetadata(title: "\(Self.documentTitle) — \(holderName)", author: networkName,
                    subject: "Prêts, réservations et inscriptions aux animations : \(situation.lowercasedFirst)",
                    creator: "mediatheque", date: "\(today.iso)T00:00:00")
    }
}

private extension String {
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
