import Mustache

/// `favoris/<shelf-id>.html`: one shelf and its documents. The shelf's name is
/// text only; the file is named after its numeric id.
final class PrivateShelfPageView {
    let page: PageView
    let nav: PrivateNavigation
    let shelfName: String
    let kindLabel: String
    let createdOn: String
    let documents: [PrivateDocumentView]
    let hasDocuments: Bool

    init(shelf: Shelf, bundle: PatronBundle, content: SiteContent) {
        shelfName = HTMLText.clean(shelf.name)
        let (home, favourites) = (PrivateFolderLayout.home, PrivateFolderLayout.favourites)
        page = PageView(content: content, title: Wording.shelfTitle(Text.isolated(shelfName)), depth: 2, isPrivate: true,
                        breadcrumb: Breadcrumb([(home.title, "../" + home.file), (favourites.title, "index.html")],
                                               current: shelfName))
        nav = PrivateNavigation(current: PrivateFolderLayout.favourites, depth: 2, patron: bundle.own.patron)
        kindLabel = shelf.kind.label
        createdOn = shelf.createdOn.french
        documents = shelf.entries.map { [links = PortalLinks(content.config)] in
            PrivateDocumentView($0.document, addedOn: $0.addedOn, links: links)
        }
        hasDocuments = !documents.isEmpty
    }
}

// MARK: - Mustache lookup

// Mustache finds each name through these switches rather than a `Mirror`, which took half of a
// build's time; keep them in step with the stored properties (`PrivateViewLookupTests` checks).

extension PrivateShelfPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": self.page
        case "nav": self.nav
        case "shelfName": self.shelfName
        case "kindLabel": self.kindLabel
        case "createdOn": self.createdOn
        case "documents": self.documents
        case "hasDocuments": self.hasDocuments
        default: nil
        }
    }
}
