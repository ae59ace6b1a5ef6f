import Foundation
import GRDB

/// The catalogue's full-text index for saved searches: SQLite FTS5 tables
/// (`unicode61 remove_diacritics 2`, so case and accents are ignored, composed
/// or not), built once per build into anonymous temporary databases that
/// SQLite deletes when they are closed, one per part of the catalogue, built
/// side by side (``CatalogueIndexPart``). The account database is only read.
///
/// Documents are numbered by age (`pos`: oldest `added_on` first, then id), and
/// that number is the full-text row id, so "newest matches first" is the index's
/// own order: a search reads matches from the newest and stops at the limit.
/// Answers follow ``SavedSearchMatcher``: the index and the facet columns narrow
/// the candidates (``CatalogueSearchQuery``), and each candidate is checked against
/// the pure rules before it is kept.
///
/// ```swift
/// let index = try CatalogueIndex(source: database)
/// let newest = try index.documents(matching: SearchCriteria(search), limit: 50)
/// ```
public final class CatalogueIndex: CatalogueSearchable {
    private let parts: [CatalogueIndexPart]
    /// Documents indexed.
    public var documentCount: Int { parts.reduce(0) { $0 + $1.documentCount } }

    /// Reads every document and item of `source` and builds the index.
    /// - Throws: ``InputProblem`` naming the account database for a bad row, or the
    ///   index for a SQLite failure (such as a SQLite built without FTS5).
    public convenience init(source: AccountDatabase) throws {
        try self.init(sources: [source])
    }

    /// The same, in as many parts as `sources` (connections to one database), built side by
    /// side on a thread each: part `k` holds every n-th document of the age order, from the
    /// k-th. Building is one thread's work that the first folders wait for; a search asks
    /// every part and keeps the newest matches of all.
    /// - Throws: as one index built alone would (``PartResults``).
    public init(sources: [AccountDatabase]) throws {
        precondition(!sources.isEmpty, "a catalogue index needs a source")
        let built = PartResults<CatalogueIndexPart>(count: sources.count)
        DispatchQueue.concurrentPerform(iterations: sources.count) { index in
            built.set(index, Result { try CatalogueIndexPart(source: sources[index], index: index, count: sources.count) })
        }
        parts = try built.parts()
    }

    public func documents(matching criteria: SearchCriteria, limit: Int) throws -> [Document] {
        guard criteria.scope == .catalogue, limit > 0 else { return [] }
        // Part after part, each asked only for documents newer than the `limit`-th kept so far:
        // a broad search decodes and checks about `limit` candidates in all, not `limit` a part.
        var found: [(position: Int, document: Document)] = []
        for part in parts {
            let floor = found.count == limit ? found[limit - 1].position : nil
            found += try part.documents(CatalogueSearchQuery(criteria, newerThan: floor), criteria, limit: limit)
            found.sort { $0.position > $1.position }
            if found.count > limit { found.removeLast(found.count - limit) }
        }
        return found.map(\.document)
    }

    static func problem(_ what: String, _ error: DatabaseError) -> InputProblem {
        InputProblem(file: "catalogue index", message: "\(what): \(error.message ?? "\(error.resultCode)")")
    }
}
