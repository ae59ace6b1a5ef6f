/// How long a patron folder's files stay what a build would render from the same rows,
/// but for the day the dated ones state (``PrivateFolderLayout/datedFiles``): until the
/// first day on which one of its states reads differently.
///
/// Every state that follows the date is listed here, beside the rule it follows:
/// a loan's (``Loan/nextChange(after:rules:reading:)``), a registered session's status
/// (``Session/nextStatusChange(after:)``) and its end, cancelled or not (the summary lists
/// the sessions not yet over: ``Session/isOver(on:)``), and an agenda search's
/// (``SavedSearchFeed/changesOn``). The loan history needs no entry: its window is applied
/// when the rows are read, so a loan leaving it changes the folder's rows.
///
/// The pages read the loans' and registrations' states live, the summary as a kept document
/// (``Reading``), which changes on fewer days (``statesChangeOn(_:content:reading:)``); the
/// searches' are their pages' and feeds' alone (``changesOn(_:)``). Each part of a folder
/// (``PrivateFolderLayout/Part``) is kept until its own day comes (``FolderDecision``).
enum FolderHorizon {
    /// The first day after `content.today` on which the loans and registrations of `bundle`
    /// read differently: in the pages (`.live`) or in the summary
    /// (``PrivateFolderLayout/summaryFiles``, `.kept`); `nil` when they never do with the same rows.
    static func statesChangeOn(_ bundle: PatronBundle, content: SiteContent, reading: Reading) -> Day? {
        let today = content.today
        var first: Day?
        func note(_ day: Day?) { first = Self.first(first, day) }
        for account in bundle.accounts {
            for loan in account.loans { note(loan.nextChange(after: today, rules: content.config.rules, reading: reading)) }
            for registration in account.registrations {
                let key = SessionKey(eventID: registration.eventID, sessionID: registration.sessionID)
                guard let session = content.session(key)?.session else { continue }
                note(session.nextStatusChange(after: today))
                note(session.endsOn(after: today))
            }
        }
        return first
    }

    /// The first day on which the results of `feeds`, the folder's saved searches, change.
    static func changesOn(_ feeds: some Sequence<SavedSearchFeed>) -> Day? {
        feeds.reduce(nil) { first($0, $1.changesOn) }
    }

    /// The earlier of two days, `nil` standing for never.
    static func first(_ a: Day?, _ b: Day?) -> Day? {
        guard let a, let b else { return a ?? b }
        return min(a, b)
    }
}
