import Mustache

/// `prets.html`: the guide's loans table, one per account (own first, then each
/// shared account, labelled with the member's name), each loan saying whether it
/// can be renewed and, if not, why.
struct PrivateLoansPageView {
    struct LoanRow {
        var title: String
        var barcode: String
        var kind: String
        var library: String
        var dueOn: String
        var state: String
        var stateCode: String
        var awaited: String
        var isRenewable: Bool
        var refusal: String
    }

    struct AccountLoans {
        var anchor: String
        var heading: String
        var caption: String
        var loans: [LoanRow]
        var hasLoans: Bool
    }

    var page: PageView
    var nav: PrivateNavigation
    var accounts: [AccountLoans]
    var hasSharedAccounts: Bool
    var renewalTimes: String

    init(bundle: PatronBundle, content: SiteContent) {
        let rules = content.config.rules
        page = PageView(content: content, title: PrivateFolderLayout.loans.title, depth: 1, isPrivate: true)
        nav = PrivateNavigation(current: PrivateFolderLayout.loans, depth: 1, patron: bundle.own.patron)
        accounts = bundle.accounts.enumerated().map { index, account in
            let heading = PrivateWording.accountHeading(account, isOwn: index == 0)
            let rows = account.loans.map { loan in
                let state = loan.state(today: content.today, rules: rules)
                let renewal = loan.renewal(today: content.today, rules: rules)
                return LoanRow(title: PrivateText.clean(loan.document.title), barcode: PrivateText.clean(loan.barcode),
                               kind: PrivateText.clean(loan.document.kind), library: PrivateText.clean(loan.library.name),
                               dueOn: loan.dueOn.french, state: state.label, stateCode: state.rawValue,
                               awaited: PrivateWording.yesNo(loan.awaitedByAnother), isRenewable: renewal.isAllowed,
                               refusal: renewal.refusal?.reason ?? "")
            }
            return AccountLoans(anchor: "compte-\(index + 1)", heading: heading,
                                caption: "Prêts en cours — \(heading)", loans: rows, hasLoans: !rows.isEmpty)
        }
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
