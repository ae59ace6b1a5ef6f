import Mustache

/// `historique.html`: the loans returned within the history window, with the
/// guide's GDPR sentence; older ones were never read.
final class PrivateHistoryPageView {
    final class HistoryRow {
        let title: String
        let kind: String
        let borrowedOn: String
        let returnedOn: String
        let loanDays: String
        let lateDays: String
        let recordURL: String?
        /// « Donner mon avis » and « Ajouter à mes favoris » in the portal.
        let reviewURL: String?
        let favouriteURL: String?

        init(_ entry: HistoryEntry, links: PortalLinks) {
            title = HTMLText.clean(entry.document.title)
            kind = HTMLText.clean(entry.document.kind)
            borrowedOn = entry.borrowedOn.french
            returnedOn = entry.returnedOn.french
            loanDays = HistoryEntry.daysLabel(entry.loanDays)
            lateDays = entry.daysLate > 0 ? HistoryEntry.daysLabel(entry.daysLate) : ""
            recordURL = links.record(entry.document)
            reviewURL = links.review(entry.document)
            favouriteURL = links.addToFavourites(entry.document)
        }
    }

    let page: PageView
    let nav: PrivateNavigation
    let notice: String
    let emptyText: String
    let entries: [HistoryRow]
    let hasEntries: Bool
    /// Whether the portal offers an action on a returned document (the table's "Actions" column).
    let hasActions: Bool

    init(bundle: PatronBundle, content: SiteContent) {
        let months = content.config.rules.historyMonths
        page = PageView(content: content, title: PrivateFolderLayout.history.title, depth: 1, isPrivate: true)
        nav = PrivateNavigation(current: PrivateFolderLayout.history, depth: 1, patron: bundle.own.patron)
        notice = Wording.historyNotice(months: months)
        emptyText = Wording.noHistory(months: months)
        entries = bundle.own.history.filter { $0.isVisible(today: content.today, rules: content.config.rules) }
            .map { [links = PortalLinks(content.config)] in HistoryRow($0, links: links) }
        hasEntries = !entries.isEmpty
        hasActions = content.config.actions[.writeReview] != nil || content.config.actions[.addToFavourites] != nil
    }
}

// MARK: - Mustache lookup

// Mustache finds each name through these switches rather than a `Mirror`, which took half of a
// build's time; keep them in step with the stored properties (`PrivateViewLookupTests` checks).

extension PrivateHistoryPageView.HistoryRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "kind": self.kind
        case "borrowedOn": self.borrowedOn
        case "returnedOn": self.returnedOn
        case "loanDays": self.loanDays
        case "lateDays": self.lateDays
        case "recordURL": self.recordURL
        case "reviewURL": self.reviewURL
        case "favouriteURL": self.favouriteURL
        default: nil
        }
    }
}

extension PrivateHistoryPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": self.page
        case "nav": self.nav
        case "notice": self.notice
        case "emptyText": self.emptyText
        case "entries": self.entries
        case "hasEntries": self.hasEntries
        case "hasActions": self.hasActions
        default: nil
        }
    }
}
