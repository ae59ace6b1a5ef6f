import Mustache

/// The menu of every private page: the patron's name and a link to each page,
/// the current one marked for assistive technologies (`aria-current="page"`).
/// A class, as every view the templates read (see ``PageView``).
final class PrivateNavigation {
    final class Item {
        let href: String
        let label: String
        let isCurrent: Bool

        init(_ page: PrivateFolderLayout.Page, up: String, current: PrivateFolderLayout.Page?) {
            href = up + page.file
            label = page.title
            isCurrent = page == current
        }
    }

    let patronName: String
    let items: [Item]

    /// - Parameters:
    ///   - current: the page being rendered; `nil` for a page the menu does not list (the summary).
    ///   - depth: folders below `private/` of the page (1 for `index.html`, 2 for `favoris/...`).
    init(current: PrivateFolderLayout.Page?, depth: Int, patron: Patron) {
        patronName = HTMLText.clean(patron.displayName)
        let up = String(repeating: "../", count: max(0, depth - 1))
        items = PrivateFolderLayout.pages.map { Item($0, up: up, current: current) }
    }
}

// MARK: - Mustache lookup

// Mustache finds each name through these switches rather than a `Mirror`, which took half of a
// build's time; keep them in step with the stored properties (`PrivateViewLookupTests` checks).

extension PrivateNavigation.Item: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "href": self.href
        case "label": self.label
        case "isCurrent": self.isCurrent
        default: nil
        }
    }
}

extension PrivateNavigation: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "patronName": self.patronName
        case "items": self.items
        default: nil
        }
    }
}
