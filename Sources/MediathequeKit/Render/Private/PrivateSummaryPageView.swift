import Mustache

/// `synthese.html`, the HTML twin of the summary PDF: per account (own first, then
/// each shared account), the account in brief, the loans, the holds and the coming
/// registrations, on one page that prints cleanly.
struct PrivateSummaryPageView {
    struct AccountSummary {
        var brief: PrivateHomePageView.AccountBrief
        var loans: PrivateLoansPageView.AccountLoans
        var holds: PrivateHoldsPageView.AccountHolds
        var registrations: [PrivateRegistrationsPageView.RegistrationRow]
        var hasRegistrations: Bool
    }

    var page: PageView
    var nav: PrivateNavigation
    var networkName: String
    var holder: String
    var cardNumber: String
    var accounts: [AccountSummary]
    var summaryPDF: String

    /// Built from the pages' own views, so the summary shows exactly what they show.
    init(bundle: PatronBundle, content: SiteContent, home: PrivateHomePageView, loans: PrivateLoansPageView,
         holds: PrivateHoldsPageView) {
        page = PageView(content: content, title: "Synthèse de mes comptes", depth: 1, isPrivate: true).dated(content)
        nav = PrivateNavigation(current: PrivateFolderLayout.home, depth: 1, patron: bundle.own.patron)
        networkName = PrivateText.clean(content.config.networkName)
        holder = PrivateText.clean(bundle.own.patron.displayName)
        cardNumber = bundle.own.patron.cardNumber
        summaryPDF = PrivateFolderLayout.summaryPDF
        accounts = bundle.accounts.indices.map { index in
            let own = PatronBundle(own: bundle.accounts[index])
            let coming = PrivateRegistrationsPageView(bundle: own, content: content).registrations
            return AccountSummary(brief: home.accounts[index], loans: loans.accounts[index], holds: holds.accounts[index],
                                  registrations: coming, hasRegistrations: !coming.isEmpty)
        }
    }
}

extension PrivateSummaryPageView.AccountSummary: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "brief": self.brief
        case "loans": self.loans
        case "holds": self.holds
        case "registrations": self.registrations
        case "hasRegistrations": self.hasRegistrations
        default: nil
        }
    }
}

extension PrivateSummaryPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": self.page
        case "nav": self.nav
        case "networkName": self.networkName
        case "holder": self.holder
        case "cardNumber": self.cardNumber
        case "accounts": self.accounts
        case "summaryPDF": self.summaryPDF
        default: nil
        }
    }
}
