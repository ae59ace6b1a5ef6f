import Mustache

/// `favoris/index.html`, "Mes favoris (mon panier)": the basket's documents and
/// the list of categories (the four default ones and the patron's own), each
/// linking to its page `favoris/<shelf-id>.html`.
final class PrivateFavouritesPageView {
    final class ShelfLink {
        let href: String
        let name: String
        /// The category's kind, when its name does not already say it ("Ma catégorie" for the patron's own).
        let kindNote: String
        let hasKindNote: Bool
        let count: String

        init(_ shelf: Shelf) {
            href = "\(shelf.id).html"
            name = HTMLText.clean(shelf.name)
            let kind = shelf.kind.label
            kindNote = kind == name ? "" : kind
            hasKindNote = !kindNote.isEmpty
            count = Wording.count(shelf.entries.count, "document")
        }
    }

    let page: PageView
    let nav: PrivateNavigation
    let basket: [PrivateDocumentView]
    let hasBasketDocuments: Bool
    let shelves: [ShelfLink]
    let hasShelves: Bool
    let historyMonths: String

    init(bundle: PatronBundle, content: SiteContent) {
        page = PageView(content: content, title: PrivateFolderLayout.favourites.title, depth: 2, isPrivate: true)
        nav = PrivateNavigation(current: PrivateFolderLayout.favourites, depth: 2, patron: bundle.own.patron)
        let links = PortalLinks(content.config)
        let basketShelf = bundle.own.shelves.first { $0.kind == .basket }
        basket = basketShelf?.entries.map { PrivateDocumentView($0.document, addedOn: $0.addedOn, links: links) } ?? []
        shelves = bundle.own.shelves.map(ShelfLink.init)
        hasBasketDocuments = !basket.isEmpty
        hasShelves = !shelves.isEmpty
        historyMonths = Wording.number(content.config.rules.historyMonths)
    }
}

// MARK: - Mustache lookup

// Mustache finds each name through these switches rather than a `Mirror`, which took half of a
// build's time; keep them in step with the stored properties (`PrivateViewLookupTests` checks).

extension PrivateFavouritesPageView.ShelfLink: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "href": self.href
        case "name": self.name
        case "kindNote": self.kindNote
        case "hasKindNote": self.hasKindNote
        case "count": self.count
        default: nil
        }
    }
}

extension PrivateFavouritesPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": self.page
        case "nav": self.nav
        case "basket": self.basket
        case "hasBasketDocuments": self.hasBasketDocuments
        case "shelves": self.shelves
        case "hasShelves": self.hasShelves
        case "historyMonths": self.historyMonths
        default: nil
        }
    }
}
