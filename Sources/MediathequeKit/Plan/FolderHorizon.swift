/// How long a patron folder's files stay what a build would render from the same rows,
/// but for the day the dated ones state (``PrivateFolderLayout/datedFiles``): until the
/// first day on which one of its states reads differently.
///
/// Every state that follows the date is listed here, beside the rule it follows:
/// a loan's (``Loan/nextChange(after:rules:)``), a registered session's status
/// (``Session/nextStatusChange(after:)``) and its end, cancelled or not (the summary lists
/// the sessions not yet over: ``Session/isOver(on:)``), and an agenda search's
/// (``SavedSearchFeed/changesOn``). The loan history needs no entry: its window is applied
/// when the rows are read, so a loan leaving it changes the folder's rows.
enum FolderHorizon {
    /// The first day after `content.today` on which `bundle`'s files change;
    /// `nil` when they never do with the same rows.
    static func changesOn(_ bundle: PatronBundle, feeds: some Sequence<SavedSearchFeed>, content: SiteContent) -> Day? {
        let today = content.today
        var first: Day?
        func note(_ day: Day?) {
            if let day, first.map({ day < $0 }) ?? true { first = day }
        }
        for account in bundle.accounts {
            for loan in account.loans { note(loan.nextChange(after: today, rules: content.config.rules)) }
            for registration in account.registrations {
                let key = SessionKey(eventID: registration.eventID, sessionID: registration.sessionID)
                guard let session = content.session(key)?.session else { continue }
                note(session.nextStatusChange(after: today))
                note(session.endsOn(after: today))
            }
        }
        for feed in feeds { note(feed.changesOn) }
        return first
    }
}
