import Mustache

/// `prets.html`: the guide's loans table, one per account (own first, then each
/// shared account, labelled with the member's name), each loan saying whether it
/// can be renewed and, if not, why; a renewable loan links to its renewal in the
/// portal and can be selected for « Prolonger les prêts sélectionnés ».
final class PrivateLoansPageView {
    /// A row of ``LoansTable``: its cells in the table's order.
    final class LoanRow {
        /// What every cell of a column shares: its label (each cell carries it, for a phone's
        /// stacked table), its class, and how the template shows it. One per column, made once.
        final class Column: Sendable {
            let label: String
            /// The state stands out; barcodes and dates never break.
            let className: String?
            let isTitle: Bool
            /// The renewal column of a loan that can be renewed (the links), or that cannot (the red mark).
            let isRenewable: Bool
            let isRefusal: Bool

            private init(_ column: LoansTable.Column, className: String? = nil, renewable: Bool = false) {
                label = column.label
                self.className = className
                isTitle = column == .title
                isRenewable = column == .renewal && renewable
                isRefusal = column == .renewal && !renewable
            }

            private static let title = Column(.title), barcode = Column(.barcode, className: "nowrap")
            private static let kind = Column(.kind), library = Column(.library), dueOn = Column(.dueOn, className: "nowrap")
            private static let state = Column(.state, className: "state"), awaited = Column(.awaited)
            private static let renewable = Column(.renewal, renewable: true), refused = Column(.renewal)

            static func of(_ column: LoansTable.Column, renewable: Bool) -> Column {
                switch column {
                case .title: title
                case .barcode: barcode
                case .kind: kind
                case .library: library
                case .dueOn: dueOn
                case .state: state
                case .awaited: awaited
                case .renewal: renewable ? Self.renewable : refused
                }
            }
        }

        /// A value, not a class: a text and a shared ``Column``, small enough to travel in an
        /// `Any` without a box. It answers for its column too (`{{label}}`, `{{#isTitle}}`).
        struct Cell {
            let text: String
            let column: Column

            init(_ column: LoansTable.Column, of row: LoansTable.Row) {
                text = HTMLText.clean(row.text(column))
                self.column = Column.of(column, renewable: row.renewal.isAllowed)
            }
        }

        let stateCode: String
        let cells: [Cell]
        /// The title again, for the actions' accessible names ("Prolonger Pilates…").
        let title: String
        let loanID: String
        let recordURL: String?
        /// Only for a renewable loan, and only on the page that offers actions.
        let renewURL: String?

        init(_ row: LoansTable.Row, links: PortalLinks, actions: Bool) {
            stateCode = row.state.rawValue
            cells = LoansTable.columns.map { Cell($0, of: row) }
            title = HTMLText.clean(row.loan.document.title)
            loanID = String(row.loan.id)
            recordURL = links.record(row.loan.document)
            renewURL = actions && row.renewal.isAllowed ? links.renew(row.loan) : nil
        }
    }

    final class AccountLoans {
        static let columns = LoansTable.columns.map(\.label)

        let anchor: String
        let heading: String
        let caption: String
        let loans: [LoanRow]
        let hasLoans: Bool

        /// - Parameters:
        ///   - index: the account's place in the bundle (0: the patron's own).
        ///   - actions: whether renewable loans link to their renewal (not on the printable summary).
        ///   - reading: `.kept` in the summary, which never says "À rendre bientôt" (``Reading``).
        init(_ account: Account, index: Int, content: SiteContent, actions: Bool, reading: Reading = .live) {
            anchor = "compte-\(index + 1)"
            heading = HTMLText.clean(Wording.accountHeading(account, isOwn: index == 0))
            caption = Wording.loansCaption(Text.isolated(heading))
            let links = PortalLinks(content.config)
            loans = LoansTable.rows(account.loans, today: content.today, rules: content.config.rules, reading: reading)
                .map { LoanRow($0, links: links, actions: actions) }
            hasLoans = !loans.isEmpty
        }
    }

    let page: PageView
    let nav: PrivateNavigation
    let accounts: [AccountLoans]
    let hasSharedAccounts: Bool
    /// Whether the rules allow renewing at all (`max_renewals` ≥ 1).
    let isRenewalAllowed: Bool
    let renewalTimes: String
    /// The portal's page that renews the loans checked in the form `selectionForm`; `nil`
    /// without such a page or without a renewable loan.
    let renewSelectionURL: String?
    let selectionForm: String?

    init(bundle: PatronBundle, content: SiteContent) {
        let rules = content.config.rules
        page = PageView(content: content, title: PrivateFolderLayout.loans.title, depth: 1, isPrivate: true)
        nav = PrivateNavigation(current: PrivateFolderLayout.loans, depth: 1, patron: bundle.own.patron)
        accounts = bundle.accounts.enumerated().map { AccountLoans($1, index: $0, content: content, actions: true) }
        hasSharedAccounts = !bundle.shared.isEmpty
        isRenewalAllowed = rules.maxRenewals > 0
        renewalTimes = Wording.times(rules.maxRenewals)
        let anyRenewable = bundle.accounts.contains { account in
            account.loans.contains { $0.renewal(today: content.today, rules: rules).isAllowed }
        }
        renewSelectionURL = anyRenewable ? PortalLinks(content.config).renewSelection : nil
        selectionForm = renewSelectionURL.map { _ in "prolonger-selection" }
    }
}

// MARK: - Mustache lookup

// Mustache finds each name through these switches rather than a `Mirror`, which took half of a
// build's time; keep them in step with the stored properties (`PrivateViewLookupTests` checks).

extension PrivateLoansPageView.LoanRow.Column: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": self.label
        case "className": self.className
        case "isTitle": self.isTitle
        case "isRenewable": self.isRenewable
        case "isRefusal": self.isRefusal
        default: nil
        }
    }
}

extension PrivateLoansPageView.LoanRow.Cell: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "text": self.text
        case "column": self.column
        default: self.column.child(named: name)
        }
    }
}

extension PrivateLoansPageView.LoanRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "stateCode": self.stateCode
        case "cells": self.cells
        case "title": self.title
        case "loanID": self.loanID
        case "recordURL": self.recordURL
        case "renewURL": self.renewURL
        default: nil
        }
    }
}

extension PrivateLoansPageView.AccountLoans: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "columns": Self.columns
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
        case "isRenewalAllowed": self.isRenewalAllowed
        case "renewalTimes": self.renewalTimes
        case "renewSelectionURL": self.renewSelectionURL
        case "selectionForm": self.selectionForm
        default: nil
        }
    }
}
