import Foundation
import Mustache

/// `recherches.html`, "Mes centres d'intérêt": each saved search with its date,
/// criteria, follow-up and frequency, whether it is switched on, and for active
/// ones the number of results and the feed `recherches/<id>.rss`.
final class PrivateSearchesPageView {
    final class SearchRow {
        let name: String
        let createdOn: String
        let scope: String
        let criteria: String
        let followed: String
        let frequency: String
        let isActive: Bool
        let results: String
        let feedHref: String
        /// « Mettre à jour », « Désactiver » (an active search) and « Supprimer ma recherche » in the portal.
        let editURL: String?
        let disableURL: String?
        let deleteURL: String?

        /// - Parameter feed: the search's feed, when it is active.
        init(_ search: SavedSearch, feed: SavedSearchFeed?, content: SiteContent) {
            name = HTMLText.clean(search.name)
            createdOn = search.createdOn.french
            scope = Wording.SavedSearches.scope(search.scope)
            criteria = PrivateSearchesPageView.criteria(of: search, content: content)
            followed = Wording.SavedSearches.following(search.followed)
            frequency = search.frequency.label
            isActive = search.active && feed != nil
            results = feed.map { Wording.SavedSearches.results($0.items.count) } ?? ""
            feedHref = PrivateFolderLayout.searchFeed(search.id)
            let links = PortalLinks(content.config)
            editURL = links.edit(search)
            disableURL = search.active ? links.disable(search) : nil
            deleteURL = links.delete(search)
        }
    }

    let page: PageView
    let nav: PrivateNavigation
    let searches: [SearchRow]
    let hasSearches: Bool
    /// Whether the portal offers an action on a saved search (the table's "Actions" column).
    let hasActions: Bool

    /// - Parameter feeds: the feed of each active search, by search id.
    init(bundle: PatronBundle, content: SiteContent, feeds: [Int64: SavedSearchFeed]) {
        page = PageView(content: content, title: PrivateFolderLayout.searches.title, depth: 1, isPrivate: true)
        nav = PrivateNavigation(current: PrivateFolderLayout.searches, depth: 1, patron: bundle.own.patron)
        searches = bundle.own.searches.map { SearchRow($0, feed: feeds[$0.id], content: content) }
        hasSearches = !searches.isEmpty
        hasActions = [.editSearch, .disableSearch, .deleteSearch].contains { content.config.actions[$0] != nil }
    }

    /// "Mots : louca · Genre : Bande dessinée", in a fixed facet order; "Toutes les nouveautés" when empty.
    static func criteria(of search: SavedSearch, content: SiteContent) -> String {
        var parts: [String] = []
        let query = search.query.trimmingCharacters(in: .whitespacesAndNewlines)
        // Each value isolated: a right-to-left word must not reorder the criteria after it.
        if !query.isEmpty { parts.append(Wording.SavedSearches.words(Text.isolated(HTMLText.clean(query)))) }
        for (facet, label) in Wording.SavedSearches.facetLabels {
            guard let values = search.facets[facet], !values.isEmpty else { continue }
            let shown = values.map { value -> String in
                switch facet {
                case "library": content.libraries[value]?.name ?? value
                case "date_from", "date_to": Day(iso: value)?.french ?? value
                default: value
                }
            }
            parts.append(Wording.SavedSearches.facet(label, values: shown.map { Text.isolated(HTMLText.clean($0)) }))
        }
        if parts.isEmpty { return Wording.SavedSearches.everything(search.scope) }
        return parts.joined(separator: " · ")
    }
}

// MARK: - Mustache lookup

// Mustache finds each name through these switches rather than a `Mirror`, which took half of a
// build's time; keep them in step with the stored properties (`PrivateViewLookupTests` checks).

extension PrivateSearchesPageView.SearchRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "createdOn": self.createdOn
        case "scope": self.scope
        case "criteria": self.criteria
        case "followed": self.followed
        case "frequency": self.frequency
        case "isActive": self.isActive
        case "results": self.results
        case "feedHref": self.feedHref
        case "editURL": self.editURL
        case "disableURL": self.disableURL
        case "deleteURL": self.deleteURL
        default: nil
        }
    }
}

extension PrivateSearchesPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": self.page
        case "nav": self.nav
        case "searches": self.searches
        case "hasSearches": self.hasSearches
        case "hasActions": self.hasActions
        default: nil
        }
    }
}
