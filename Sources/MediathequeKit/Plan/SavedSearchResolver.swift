/// Turns a patron's saved searches into their feeds' items, once per distinct
/// criteria: many patrons follow the same "Mangas : nouveautés".
///
/// Not thread-safe: each worker's folder renderer has a resolver, and so a cache, of its own.
public final class SavedSearchResolver {
    public let content: SiteContent
    /// The catalogue; without one, catalogue searches list nothing.
    public let catalogue: (any CatalogueSearchable)?
    let agenda: AgendaSearchIndex
    private var cache: [SearchCriteria: Matches] = [:]
    typealias Matches = (items: [SavedSearchFeed.Item], changesOn: Day?)
    /// Distinct criteria kept; beyond, the cache starts over (memory stays flat).
    static let cacheLimit = 512

    public init(content: SiteContent, catalogue: (any CatalogueSearchable)?) {
        self.content = content
        self.catalogue = catalogue
        agenda = AgendaSearchIndex(content: content)
    }

    /// The feed of an active search; `nil` for a search that is switched off (it gets no feed).
    /// - Throws: what the catalogue throws.
    public func feed(for search: SavedSearch) throws -> SavedSearchFeed? {
        guard search.active else { return nil }
        let criteria = SearchCriteria(search)
        let matches: Matches
        if let cached = cache[criteria] {
            matches = cached
        } else {
            matches = try resolve(criteria)
            if cache.count >= Self.cacheLimit { cache.removeAll(keepingCapacity: true) }
            cache[criteria] = matches
        }
        return SavedSearchFeed(searchID: search.id, title: search.name, description: Wording.SavedSearches.feedDescription(search),
                               items: matches.items, changesOn: matches.changesOn)
    }

    private func resolve(_ criteria: SearchCriteria) throws -> Matches {
        switch criteria.scope {
        case .catalogue:
            return (try Self.catalogueItems(matching: criteria, in: catalogue, content: content), nil)
        case .agenda:
            // Matched sessions only leave the list (they end); each item shows its status.
            let sessions = agenda.sessions(matching: criteria)
            let changes = sessions.flatMap { [$0.session.nextStatusChange(after: content.today), $0.session.endsOn(after: content.today)] }
            return (sessions.map { item(for: $0.event, $0.session) }, changes.compactMap { $0 }.min())
        }
    }

    /// What a catalogue search shows: the newest documents it matches, as its feed's items
    /// (none without a catalogue). The same on every day: a folder's fingerprint reads them
    /// (``CatalogueSearchDigests``).
    /// - Throws: what the catalogue throws.
    static func catalogueItems(matching criteria: SearchCriteria, in catalogue: (any CatalogueSearchable)?,
                               content: SiteContent) throws -> [SavedSearchFeed.Item] {
        guard let catalogue else { return [] }
        return try catalogue.documents(matching: criteria, limit: SavedSearchMatcher.catalogueLimit).map { item(for: $0, content: content) }
    }

    static func item(for document: Document, content: SiteContent) -> SavedSearchFeed.Item {
        let summary = ([document.facts.joined(separator: " | ")] + [document.summary].compactMap { $0 }).joined(separator: "\n")
        return SavedSearchFeed.Item(guid: "document-\(document.id)", title: document.title,
                                    link: content.config.catalogueRecordURL(document: document.id), summary: summary,
                                    published: LocalDateTime(day: document.addedOn),
                                    categories: [document.kind] + [document.genre].compactMap { $0 })
    }

    func item(for event: Event, _ session: Session) -> SavedSearchFeed.Item {
        let status = content.status(of: session, in: event)
        let when = Wording.Agenda.session(date: session.start.day.french, session, status: status)
        let summary = ([when] + [event.summary].compactMap { $0 }).joined(separator: "\n")
        return SavedSearchFeed.Item(guid: "session-\(event.id)-\(session.id)", title: event.title,
                                    link: content.eventURL(event.id), summary: summary,
                                    published: event.updated, categories: event.categories)
    }
}
