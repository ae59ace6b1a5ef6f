/// What a saved search matches, as pure rules (the catalogue index only speeds them up).
///
/// - Catalogue: every query word starts a word of the document's title, authors,
///   series, summary, subjects or genre, case and accents ignored ("fee" finds
///   "La Fée des neiges", "POLICIER" finds "Roman policier"); and the facets `kind`,
///   `genre`, `audience` (folded equality), `library` (an item of the document at
///   that library), `year_from`, `year_to` (a document without a year fails them).
/// - Agenda: every query word starts a word of the event's title, summary,
///   description or categories; facets `category`, `library` (the session's),
///   `audience`, `date_from`, `date_to` (the session's start day).
public enum SavedSearchMatcher {
    /// A catalogue search's feed lists at most this many documents, newest first.
    public static let catalogueLimit = 50

    /// The text a catalogue search's words are looked for in.
    public static func searchableText(of document: Document) -> String {
        ([document.title, document.authors, document.series, document.summary] + document.subjects.map(Optional.some)
            + [document.genre]).compactMap { $0 }.joined(separator: "\n")
    }

    /// The text an agenda search's words are looked for in.
    public static func searchableText(of event: Event) -> String {
        ([event.title, event.summary, event.description].compactMap { $0 } + event.categories).joined(separator: "\n")
    }

    /// Whether each query word starts one of `words` (all folded).
    public static func containsAll(_ query: [String], in words: [String]) -> Bool {
        query.allSatisfy { word in words.contains { $0.hasPrefix(word) } }
    }

    /// Whether a catalogue search matches `document`, whose items are at `libraries` (codes).
    public static func matches(_ document: Document, libraries: [String], _ criteria: SearchCriteria) -> Bool {
        matches(document, words: SearchText.words(searchableText(of: document)), libraries: libraries, criteria)
    }

    /// The same, with the document's folded words already computed.
    static func matches(_ document: Document, words: [String], libraries: [String], _ criteria: SearchCriteria) -> Bool {
        guard criteria.scope == .catalogue,
              criteria.accepts("kind", document.kind), criteria.accepts("genre", document.genre),
              criteria.accepts("audience", document.audience), criteria.acceptsAny("library", libraries)
        else { return false }
        if let from = criteria.yearFrom { guard let year = document.year, year >= from else { return false } }
        if let to = criteria.yearTo { guard let year = document.year, year <= to else { return false } }
        return containsAll(criteria.words, in: words)
    }

    /// Whether an agenda search matches `session` of `event`.
    public static func matches(event: Event, session: Session, _ criteria: SearchCriteria) -> Bool {
        matches(event: event, words: SearchText.words(searchableText(of: event)), session: session, criteria)
    }

    static func matches(event: Event, words: [String], session: Session, _ criteria: SearchCriteria) -> Bool {
        guard criteria.scope == .agenda,
              criteria.acceptsAny("category", event.categories), criteria.accepts("audience", event.audience),
              criteria.accepts("library", session.library.code)
        else { return false }
        if let from = criteria.dateFrom, session.start.day < from { return false }
        if let to = criteria.dateTo, session.start.day > to { return false }
        return containsAll(criteria.words, in: words)
    }
}
