import Mustache

/// `reservations.html`: the holds table of each account, saying which holds can be
/// cancelled on line (waiting ones) and which cannot (available ones: "adressez-vous
/// au personnel").
struct PrivateHoldsPageView {
    struct HoldRow {
        var title: String
        var kind: String
        var placedOn: String
        var availableOn: String
        var availableUntil: String
        var pickupLibrary: String
        var rank: String
        var isAvailable: Bool
        var isCancellable: Bool
    }

    struct AccountHolds {
        var anchor: String
        var heading: String
        var caption: String
        var lines: [String]
        var holds: [HoldRow]
        var hasHolds: Bool
    }

    var page: PageView
    var nav: PrivateNavigation
    var accounts: [AccountHolds]

    init(bundle: PatronBundle, content: SiteContent) {
        page = PageView(content: content, title: PrivateFolderLayout.holds.title, depth: 1, isPrivate: true)
        nav = PrivateNavigation(current: PrivateFolderLayout.holds, depth: 1, patron: bundle.own.patron)
        accounts = bundle.accounts.enumerated().map { index, account in
            let heading = PrivateWording.accountHeading(account, isOwn: index == 0)
            let rows = account.holds.map { hold in
                var on = "", until = ""
                if case .available(let from, let to) = hold.state { (on, until) = (from.french, to.french) }
                return HoldRow(title: PrivateText.clean(hold.document.title), kind: PrivateText.clean(hold.document.kind),
                               placedOn: hold.placedOn.french, availableOn: on, availableUntil: until,
                               pickupLibrary: PrivateText.clean(hold.pickupLibrary.name), rank: hold.state.rankLabel,
                               isAvailable: hold.isAvailable, isCancellable: hold.isCancellableOnline)
            }
            let summary = account.summary(today: content.today, rules: content.config.rules)
            return AccountHolds(anchor: "compte-\(index + 1)", heading: heading,
                                caption: "Réservations — \(heading)", lines: summary.holdLines, holds: rows, hasHolds: !rows.isEmpty)
        }
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
        default: nil
        }
    }
}
