import Mustache

/// `reservations.html`: the holds table of each account, saying which holds can be
/// cancelled on line (waiting ones) and which cannot (available ones: "adressez-vous
/// au personnel").
final class PrivateHoldsPageView {
    final class HoldRow {
        let title: String
        let kind: String
        let placedOn: String
        let availableOn: String
        let availableUntil: String
        let pickupLibrary: String
        let rank: String
        let isAvailable: Bool
        let isCancellable: Bool
        let recordURL: String?
        /// Only for a hold that waits: an available one is cancelled by the staff.
        let cancelURL: String?

        init(_ hold: Hold, links: PortalLinks) {
            var on = "", until = ""
            if case .available(let from, let to) = hold.state { (on, until) = (from.french, to.french) }
            title = HTMLText.clean(hold.document.title)
            kind = HTMLText.clean(hold.document.kind)
            placedOn = hold.placedOn.french
            availableOn = on
            availableUntil = until
            pickupLibrary = HTMLText.clean(hold.pickupLibrary.name)
            rank = hold.state.rankLabel
            isAvailable = hold.isAvailable
            isCancellable = hold.isCancellableOnline
            recordURL = links.record(hold.document)
            cancelURL = hold.isCancellableOnline ? links.cancel(hold) : nil
        }
    }

    final class AccountHolds {
        let anchor: String
        let heading: String
        let caption: String
        let lines: [String]
        let holds: [HoldRow]
        let hasHolds: Bool

        /// - Parameter index: the account's place in the bundle (0: the patron's own).
        init(_ account: Account, index: Int, content: SiteContent) {
            anchor = "compte-\(index + 1)"
            heading = HTMLText.clean(Wording.accountHeading(account, isOwn: index == 0))
            caption = Wording.holdsCaption(Text.isolated(heading))
            lines = account.summary(today: content.today).holdLines
            let links = PortalLinks(content.config)
            holds = account.holds.map { HoldRow($0, links: links) }
            hasHolds = !holds.isEmpty
        }
    }

    let page: PageView
    let nav: PrivateNavigation
    let accounts: [AccountHolds]
    /// The table's "Actions" column (cancel on line, or why not); the summary has none.
    let holdActions = true

    init(bundle: PatronBundle, content: SiteContent) {
        page = PageView(content: content, title: PrivateFolderLayout.holds.title, depth: 1, isPrivate: true)
        nav = PrivateNavigation(current: PrivateFolderLayout.holds, depth: 1, patron: bundle.own.patron)
        accounts = bundle.accounts.enumerated().map { AccountHolds($1, index: $0, content: content) }
    }
}

// MARK: - Mustache lookup

// Mustache finds each name through these switches rather than a `Mirror`, which took half of a
// build's time; keep them in step with the stored properties (`PrivateViewLookupTests` checks).

extension PrivateHoldsPageView.HoldRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "kind": self.kind
        case "placedOn": self.placedOn
        case "availableOn": self.availableOn
        case "availableUntil": self.availableUntil
        case "pickupLibrary": self.pickupLibrary
        case "rank": self.rank
        case "isAvailable": self.isAvailable
        case "isCancellable": self.isCancellable
        case "recordURL": self.recordURL
        case "cancelURL": self.cancelURL
        default: nil
        }
    }
}

extension PrivateHoldsPageView.AccountHolds: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "anchor": self.anchor
        case "heading": self.heading
        case "caption": self.caption
        case "lines": self.lines
        case "holds": self.holds
        case "hasHolds": self.hasHolds
        default: nil
        }
    }
}

extension PrivateHoldsPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": self.page
        case "nav": self.nav
        case "accounts": self.accounts
        case "holdActions": self.holdActions
        default: nil
        }
    }
}
