import Mustache

/// `synthese.html`, the HTML twin of the summary PDF: per account (own first, then
/// each shared account), the account in brief, the loans, the holds and the coming
/// registrations, on one page that prints cleanly.
final class PrivateSummaryPageView {
    final class AccountSummary {
        let brief: PrivateHomePageView.AccountBrief
        let loans: PrivateLoansPageView.AccountLoans
        let holds: PrivateHoldsPageView.AccountHolds
        let registrations: [PrivateRegistrationsPageView.RegistrationRow]
        let hasRegistrations: Bool
        let registrationsCaption: String

        init(brief: PrivateHomePageView.AccountBrief, loans: PrivateLoansPageView.AccountLoans,
             holds: PrivateHoldsPageView.AccountHolds, registrations: [PrivateRegistrationsPageView.RegistrationRow]) {
            self.brief = brief
            self.loans = loans
            self.holds = holds
            self.registrations = registrations
            hasRegistrations = !registrations.isEmpty
            registrationsCaption = Wording.registrationsCaption(Text.isolated(brief.heading))
        }
    }

    let page: PageView
    let nav: PrivateNavigation
    let networkName: String
    let holder: String
    let cardNumber: String
    let accounts: [AccountSummary]
    let summaryPDF: String
    /// The holds tables' "Actions" column: none here (the page is for keeping and printing).
    let holdActions = false
    /// Beside the situation's day, which is the day the page was made for.
    let updates = Wording.Summary.updates

    /// The portal, where the actions this page leaves out are (it is for keeping and printing).
    let portalURL: String?

    /// Built from the pages' own views, so the summary shows what they show, as a document
    /// reads it (``Reading/kept``); its loans tables are the loans page's, without the renewal
    /// actions.
    init(bundle: PatronBundle, content: SiteContent, holds: PrivateHoldsPageView) {
        let account = PrivateFolderLayout.home
        page = PageView(content: content, title: Wording.Summary.title, depth: 1, isPrivate: true,
                        breadcrumb: Breadcrumb([(account.title, account.file)], current: Wording.Summary.title)).dated(content)
        nav = PrivateNavigation(current: nil, depth: 1, patron: bundle.own.patron)
        networkName = HTMLText.clean(content.config.networkName)
        holder = HTMLText.clean(bundle.own.patron.displayName)
        cardNumber = bundle.own.patron.cardNumber
        summaryPDF = PrivateFolderLayout.summaryPDF
        portalURL = PortalLinks(content.config).portal
        accounts = bundle.accounts.enumerated().map { index, account in
            AccountSummary(brief: .init(account, index: index, content: content, reading: .kept),
                           loans: .init(account, index: index, content: content, actions: false, reading: .kept),
                           holds: holds.accounts[index],
                           registrations: ComingRegistrations.of(account.registrations, today: content.today, sessions: content.session)
                               .map { .init($0.registration, of: account, content: content) })
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
        case "registrationsCaption": self.registrationsCaption
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
        case "holdActions": self.holdActions
        case "updates": self.updates
        case "portalURL": self.portalURL
        default: nil
        }
    }
}
