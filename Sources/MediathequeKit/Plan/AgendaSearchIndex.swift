/// The coming sessions of the programme, with each event's words folded once,
/// so that thousands of agenda searches stay cheap.
public struct AgendaSearchIndex: Sendable {
    struct Entry: Sendable {
        var event: Event
        var session: Session
        var words: [String]
    }

    let entries: [Entry]

    /// Indexes `content`'s coming sessions (not yet ended), in start order.
    public init(content: SiteContent) {
        var words: [String: [String]] = [:]
        entries = content.comingSessions.map { event, session in
            let eventWords = words[event.id] ?? Array(Set(SearchText.words(SavedSearchMatcher.searchableText(of: event)))).sorted()
            words[event.id] = eventWords
            return Entry(event: event, session: session, words: eventWords)
        }
    }

    /// The coming sessions an agenda search matches, in start order.
    public func sessions(matching criteria: SearchCriteria) -> [(event: Event, session: Session)] {
        entries.filter { SavedSearchMatcher.matches(event: $0.event, words: $0.words, session: $0.session, criteria) }
            .map { ($0.event, $0.session) }
    }
}
