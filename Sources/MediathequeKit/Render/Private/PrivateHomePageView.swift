import Mustache

/// `index.html`, "Mon compte": the account in brief of the patron and of each
/// shared account (the guide's "MON COMPTE – SÉLECTIONNER LE COMPTE À AFFICHER"),
/// the counts of the tabs and links to every file of the folder.
final class PrivateHomePageView {
    final class AccountBrief {
        let anchor: String
        let heading: String
        let isOwn: Bool
        /// Whose loans and holds its links show, out of context: "de mon compte", "d'Aurore Boréale".
        let whose: String
        let loanLines: [String]
        let holdLines: [String]

        /// - Parameters:
        ///   - index: the account's place in the bundle (0: the patron's own).
        ///   - reading: `.kept` in the summary, which names days (``Reading``).
        init(_ account: Account, index: Int, content: SiteContent, reading: Reading = .live) {
            let summary = account.summary(today: content.today, reading: reading)
            anchor = "compte-\(index + 1)"
            heading = HTMLText.clean(Wording.accountHeading(account, isOwn: index == 0))
            isOwn = index == 0
            whose = Wording.whose(account, isOwn: isOwn, name: HTMLText.clean(account.patron.displayName))
            loanLines = summary.loanLines
            holdLines = summary.holdLines
        }
    }

    let page: PageView
    let nav: PrivateNavigation
    let firstName: String
    let accounts: [AccountBrief]
    let hasSharedAccounts: Bool
    let loanCount: Int
    let holdCount: Int
    let historyCount: Int
    let summaryPDF: String
    let calendar: String
    let calendarSubscription: String
    let dataExport: String
    /// « Gérer mes comptes partagés » in the portal.
    let sharedAccountsURL: String?

    init(bundle: PatronBundle, content: SiteContent, folderURL: String) {
        let layout = PrivateFolderLayout.self
        page = PageView(content: content, title: layout.home.title, depth: 1, isPrivate: true)
        nav = PrivateNavigation(current: layout.home, depth: 1, patron: bundle.own.patron)
        firstName = HTMLText.clean(bundle.own.patron.firstName)
        accounts = bundle.accounts.enumerated().map { AccountBrief($1, index: $0, content: content) }
        hasSharedAccounts = !bundle.shared.isEmpty
        loanCount = bundle.accounts.reduce(0) { $0 + $1.loans.count }
        holdCount = bundle.accounts.reduce(0) { $0 + $1.holds.count }
        historyCount = bundle.own.history.count
        summaryPDF = layout.summaryPDF
        calendar = layout.calendar
        calendarSubscription = layout.webcal(folderURL + layout.calendar)
        dataExport = layout.dataExport
        sharedAccountsURL = PortalLinks(content.config).manageSharedAccounts
    }
}

// MARK: - Mustache lookup

// Mustache finds each name through these switches rather than a `Mirror`, which took half of a
// build's time; keep them in step with the stored properties (`PrivateViewLookupTests` checks).

extension PrivateHomePageView.AccountBrief: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "anchor": self.anchor
        case "heading": self.heading
        case "isOwn": self.isOwn
        case "whose": self.whose
        case "loanLines": self.loanLines
        case "holdLines": self.holdLines
        default: nil
        }
    }
}

extension PrivateHomePageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": self.page
        case "nav": self.nav
        case "firstName": self.firstName
        case "accounts": self.accounts
        case "hasSharedAccounts": self.hasSharedAccounts
        case "loanCount": self.loanCount
        case "holdCount": self.holdCount
        case "historyCount": self.historyCount
        case "summaryPDF": self.summaryPDF
        case "calendar": self.calendar
        case "calendarSubscription": self.calendarSubscription
        case "dataExport": self.dataExport
        case "sharedAccountsURL": self.sharedAccountsURL
        default: nil
        }
    }
}
