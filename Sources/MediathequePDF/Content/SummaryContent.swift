import MediathequeKit

/// What the summary says, before any layout: the strings of every heading, sentence
/// and table cell, built from a ``PatronBundle`` and the rules.
///
/// Pure values: nothing here knows about pages, fonts or cairo, so the wording and
/// the choice of rows can be checked without rendering.
struct SummaryContent: Hashable {
    var networkName: String
    var cardNumber: String
    var holderName: String
    /// "Aurore Boréale · carte n° 24200001234567".
    var holderLine: String
    /// "Situation au 28/03/2025".
    var situation: String
    /// Where the portal is, for what the summary cannot do (renew, cancel); `nil` without one.
    var portal: String?
    /// Own account first, then each shared account.
    var accounts: [AccountPart]

    /// - Parameter situation: the day it states, `today` when `nil`.
    init(bundle: PatronBundle, networkName: String, today: Day, situation: Day? = nil, rules: Rules, portalURL: String? = nil,
         sessions: (SessionKey) -> (event: Event, session: Session)?) {
        portal = portalURL.map(Wording.Summary.portal)
        self.networkName = PDFText.printable(networkName)
        cardNumber = PDFText.printable(bundle.own.patron.cardNumber)
        holderName = PDFText.printable(bundle.own.patron.displayName)
        holderLine = "\(Text.isolated(holderName)) · carte n° \(cardNumber)"
        self.situation = Wording.Summary.situation(situation ?? today)
        accounts = bundle.accounts.enumerated().map { number, account in
            AccountPart(account, isOwn: number == 0, today: today, rules: rules, sessions: sessions)
        }
    }

    /// Title, author and subject of the PDF; the date is the day it states, never the clock.
    func metadata(situation: Day) -> PDFMetadata {
        PDFMetadata(title: "\(Wording.Summary.title) — \(holderName)", author: networkName,
                    subject: Wording.Summary.subject(situation),
                    creator: "mediatheque", date: "\(situation.iso)T00:00:00")
    }
}
