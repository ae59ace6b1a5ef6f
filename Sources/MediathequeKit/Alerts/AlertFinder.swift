/// Finds what a followed search has new on the reference day: the catalogue documents added
/// (`added_on`) and the agenda events added or changed (`updated`) in its frequency's window
/// (``SavedSearch/Frequency/window(sentOn:)``), with the matching of the saved-search feeds
/// (``SavedSearchMatcher``). An event counts when it has coming sessions the search matches.
///
/// Each distinct criteria and window is resolved once: many patrons follow the same search.
/// Not thread-safe: one finder per thread.
public final class AlertFinder {
    public let content: SiteContent
    let documents: NewDocuments
    let agenda: AgendaSearchIndex
    private var cache: [Key: [AlertItem]] = [:]

    private struct Key: Hashable {
        var criteria: SearchCriteria
        var window: AlertWindow
    }

    /// - Parameter documents: the documents added in every window due on `content.today`.
    public init(content: SiteContent, documents: NewDocuments) {
        self.content = content
        self.documents = documents
        agenda = AgendaSearchIndex(content: content)
    }

    /// The section `search` gets in today's message: `nil` when the search is switched off,
    /// not followed, not due today or has nothing new.
    public func section(for search: SavedSearch) -> AlertSection? {
        guard search.active, search.followed, let window = search.frequency.window(sentOn: content.today) else { return nil }
        let key = Key(criteria: SearchCriteria(search), window: window)
        let items: [AlertItem]
        if let cached = cache[key] {
            items = cached
        } else {
            items = find(key.criteria, in: window)
            cache[key] = items
        }
        return items.isEmpty ? nil : AlertSection(search: search, window: window, items: items)
    }

    /// The alert of a patron with `searches`: `nil` when no search has anything new.
    public func alert(for patron: Patron, searches: [SavedSearch]) -> Alert? {
        let sections = searches.compactMap(section(for:))
        return sections.isEmpty ? nil : Alert(patron: patron, day: content.today, sections: sections)
    }

    private func find(_ criteria: SearchCriteria, in window: AlertWindow) -> [AlertItem] {
        switch criteria.scope {
        case .catalogue:
            return documents.matching(criteria, in: window).map(AlertItem.document)
        case .agenda:
            // Coming sessions in start order: each event is listed at its first matching session.
            var order: [String] = []
            var sessions: [String: (event: Event, sessions: [Session])] = [:]
            for (event, session) in agenda.sessions(matching: criteria) where window.contains(event.updated.day) {
                if sessions[event.id] == nil {
                    order.append(event.id)
                    sessions[event.id] = (event, [])
                }
                sessions[event.id]!.sessions.append(session)
            }
            return order.map { AlertItem.event(sessions[$0]!.event, sessions: sessions[$0]!.sessions) }
        }
    }
}
