import Mustache

/// `prets.html`: the guide's loans table, one per account (own first, then each
/// shared account, labelled with the member's name), each loan saying whether it
/// can be renewed and, if not, why.
final class PrivateLoansPageView {
    final class LoanRow {
        let title: String
        let barcode: String
        let kind: String
        let library: String
        let dueOn: String
        let state: String
        let stateCode: String
        let awaited: String
        let isRenewable: Bool
        let refusal: String

        init(_ loan: Loan, today: Day, rules: Rules) {
            let state = loan.state(today: today, rules: rules)
            let renewal = loan.renewal(today: today, rules: rules)
            title = PrivateText.clean(loan.document.title)
            barcode = PrivateText.clean(loan.barcode)
            kind = PrivateText.clean(loan.document.kind)
            library = PrivateText.clean(loan.library.name)
            dueOn = loan.dueOn.french
            self.state = state.label
            stateCode = state.rawValue
            awaited = PrivateWording.yesNo(loan.awaitedByAnother)
            isRenewable = renewal.isAllowed
            refusal = renewal.refusal?.reason ?? ""
        }
    }

    final class AccountLoans {
        let anchor: String
        let heading: String
        let caption: String
        let loans: [LoanRow]
        let hasLoans: Bool

        /// - Parameter index: the account's place in the bundle (0: the patron's own).
        init(_ account: Account, index: Int, content: SiteContent) {
            anchor = "compte-\(index + 1)"
            heading = PrivateWording.accountHeading(account, isOwn: index == 0)
            caption = "Prêts en cours — \(heading)"
            loans = account.loans.map { LoanRow($0, today: content.today, rules: content.config.rules) }
            hasLoans = !loans.isEmpty
        }
    }

    let page: PageView
    let nav: PrivateNavigation
    let accounts: [AccountLoans]
    let hasSharedAccounts: Bool
    let renewalTimes: String

    init(bundle: PatronBundle, content: SiteContent) {
        let rules = content.config.rules
        page = PageView(content: content, title: PrivateFolderLayout.loans.title, depth: 1, isPrivate: true)
        nav = PrivateNavigation(current: PrivateFolderLayout.loans, depth: 1, patron: bundle.own.patron)
        accounts = bundle.accounts.enumerated().map { AccountLoans($1, index: $0, content: content) }
        hasSharedAccounts = !bundle.shared.isEmpty
        renewalTimes = rules.maxRenewals == 1 ? "une fois" : "\(PrivateWording.number(rules.maxRenewals)) fois"
    }
}

// MARK: - Mustache lookup

// Mustache finds each name through these switches rather than a `Mirror`, which took half of a
// build's time; keep them in step with the stored properties (`PrivateViewLookupTests` checks).

extension PrivateLoansPageView.LoanRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "barcode": self.barcode
        case "kind": self.kind
        case "library": self.library
        case "dueOn": self.dueOn
        case "state": self.state
        case "stateCode": self.stateCode
        case "awaited": self.awaited
        case "isRenewable": self.isRenewable
        case "refusal": self.refusal
        default: nil
        }
    }
}

extension PrivateLoansPageView.AccountLoans: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "anchor": self.anchor
        case "heading": self.heading
        case "caption": self.caption
        case "loans": self.loans
        case "hasLoans": self.hasLoans
        default: nil
        }
    }
}

extension PrivateLoansPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": self.page
        case "nav": self.nav
        case "accounts": self.accounts
        case "hasSharedAccounts": self.hasSharedAccounts
        case "renewalTimes": self.renewalTimes
        default: nil
        }
    }
}
