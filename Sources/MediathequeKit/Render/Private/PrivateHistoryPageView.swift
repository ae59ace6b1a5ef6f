/// `historique.html`: the loans returned within the history window, with the
/// guide's GDPR sentence; older ones were never read.
struct PrivateHistoryPageView {
    struct HistoryRow {
        var title: String
        var kind: String
        var borrowedOn: String
        var returnedOn: String
        var loanDays: String
        var lateDays: String
    }

    var page: PageView
    var nav: PrivateNavigation
    var notice: String
    var emptyText: String
    var entries: [HistoryRow]
    var hasEntries: Bool

    init(bundle: PatronBundle, content: SiteContent) {
        let months = content.config.rules.historyMonths
        page = PageView(content: content, title: PrivateFolderLayout.history.title, depth: 1, isPrivate: true)
        nav = PrivateNavigation(current: PrivateFolderLayout.history, depth: 1, patron: bundle.own.patron)
        notice = PrivateWording.historyNotice(months: months)
        emptyText = "Aucun prêt rendu \(months == 1 ? "ce dernier mois" : "ces \(PrivateWording.number(months)) derniers mois")."
        entries = bundle.own.history.filter { $0.isVisible(today: content.today, rules: content.config.rules) }.map { entry in
            HistoryRow(title: PrivateText.clean(entry.document.title), kind: PrivateText.clean(entry.document.kind),
                       borrowedOn: entry.borrowedOn.french, returnedOn: entry.returnedOn.french,
                       loanDays: HistoryEntry.daysLabel(entry.loanDays),
                       lateDays: entry.daysLate > 0 ? HistoryEntry.daysLabel(entry.daysLate) : "")
        }
        hasEntries = !entries.isEmpty
    }
}
