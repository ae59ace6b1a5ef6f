import CSupport
import Foundation

/// The catalogue index, built the first time a folder being rendered needs it, so
/// that a rebuild that keeps every folder never pays for it. It reads through its
/// own connection: the patrons' reader holds the main one for the whole pass.
final class LazyCatalogue: CatalogueSearchable, @unchecked Sendable {
    private let snapshot: DatabaseSnapshot
    private let lock = NSLock()
    private var index: Result<CatalogueIndex, any Error>?
    private let onBuild: @Sendable () -> Void

    init(snapshot: DatabaseSnapshot, onBuild: @escaping @Sendable () -> Void = {}) {
        self.snapshot = snapshot
        self.onBuild = onBuild
    }

    /// Starts building the index on a thread of its own, for a build that will need it;
    /// the first search waits for it. `done` is called once it is built (or failed).
    func prepare(then done: @escaping @Sendable () -> Void = {}) {
        let thread = Thread { [self] in
            _ = try? built()
            done()
        }
        thread.start()
    }

    func documents(matching criteria: SearchCriteria, limit: Int) throws -> [Document] {
        try built().documents(matching: criteria, limit: limit)
    }

    private func built() throws -> CatalogueIndex {
        lock.lock()
        defer { lock.unlock() }
        if index == nil {
            onBuild()
            // A part per core (four at most), built side by side: the first folders wait for the index.
            let parts = max(1, min(4, ProcessInfo.processInfo.activeProcessorCount))
            index = Result { try CatalogueIndex(sources: (0..<parts).map { _ in try snapshot.open() }) }
            // The bulk load's caches are freed now; give their pages back rather than keep them resident.
            mq_release_free_memory()
        }
        return try index!.get()
    }
}
