import CSupport
import Foundation

/// The catalogue index, built on a thread of its own from the start of a build whose folders
/// have an active catalogue search: their fingerprints read what each search shows
/// (``CatalogueSearchDigests``), so even a rebuild that keeps every folder needs it. Searches
/// wait for it. It reads through its own connections: the patrons' reader holds the main one
/// for the whole pass.
final class BackgroundCatalogue: CatalogueSearchable, Sendable {
    private let index: Background<CatalogueIndex>

    /// Starts building the index: `onBuild` is called first, and `done` once it is built (or failed).
    init(snapshot: DatabaseSnapshot, onBuild: @escaping @Sendable () -> Void = {}, then done: @escaping @Sendable () -> Void = {}) {
        index = Background {
            defer { done() }
            onBuild()
            // A part per core (four at most), built side by side: the first folders wait for the index.
            let parts = max(1, min(4, ProcessInfo.processInfo.activeProcessorCount))
            let index = try CatalogueIndex(sources: (0..<parts).map { _ in try snapshot.open() })
            // The bulk load's caches are freed now; give their pages back rather than keep them resident.
            mq_release_free_memory()
            return index
        }
    }

    func documents(matching criteria: SearchCriteria, limit: Int) throws -> [Document] {
        try index.value().documents(matching: criteria, limit: limit)
    }
}
