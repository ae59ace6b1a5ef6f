/// The catalogue documents added in the days the night's alerts look at, newest first,
/// each with the folded words and the libraries ``SavedSearchMatcher`` reads: a few
/// hundred documents a day, matched against every followed search.
public struct NewDocuments: Sendable {
    struct Entry: Sendable {
        var document: Document
        var words: [String]
        var libraries: [String]
    }

    let entries: [Entry]
    /// Folded genre → the places of its documents in ``entries``: most followed searches name
    /// a genre, and need not look at the others.
    private let byGenre: [String: [Int]]

    /// - Parameter documents: each document with the codes of the libraries holding a copy.
    public init(_ documents: [(document: Document, libraries: [String])]) {
        entries = documents
            .map { Entry(document: $0.document, words: Array(Set(SearchText.words(SavedSearchMatcher.searchableText(of: $0.document)))).sorted(),
                         libraries: $0.libraries) }
            .sorted { ($0.document.addedOn, $0.document.id) > ($1.document.addedOn, $1.document.id) }
        var byGenre: [String: [Int]] = [:]
        for (place, entry) in entries.enumerated() {
            if let genre = entry.document.genre { byGenre[SearchText.fold(genre), default: []].append(place) }
        }
        self.byGenre = byGenre
    }

    public var count: Int { entries.count }

    /// The documents added in `window` that `criteria` matches, newest first (then highest id),
    /// as a saved search's feed lists them.
    public func matching(_ criteria: SearchCriteria, in window: AlertWindow) -> [Document] {
        // The matcher decides; the genre only narrows the candidates, in the same order.
        let places = criteria.values["genre"].map { genres in genres.flatMap { byGenre[$0] ?? [] }.sorted() } ?? Array(entries.indices)
        return places.lazy.map { entries[$0] }
            .filter { window.contains($0.document.addedOn)
                && SavedSearchMatcher.matches($0.document, words: $0.words, libraries: $0.libraries, criteria) }
            .map(\.document)
    }
}
