import Foundation

/// The catalogue as patron folders read it, digested once per distinct criteria per build,
/// so that a document catalogued overnight renders again only the folders that show it.
///
/// An active catalogue search reads what its page and feed show: its items
/// (``SavedSearchResolver/catalogueItems(matching:in:content:)``), the newest documents it
/// matches, each as the feed renders it, in order. A new document that enters a search
/// changes them; one that matches no search changes none. Loans, holds, reviews and shelves
/// read their own documents (``DocumentDigests``).
///
/// Items are digested by their description, every field of them: they hold strings and
/// local times only, which describe themselves the same way every run
/// (``CatalogueSearchDigestsTests`` keeps it so).
///
/// Shared by the readers of a build: the catalogue (the index, whose queries are serialized)
/// is safe to search from any thread, and the digests are kept under a lock.
final class CatalogueSearchDigests: @unchecked Sendable {
    private let catalogue: (any CatalogueSearchable)?
    private let content: SiteContent
    private let lock = NSLock()
    private var digests: [SearchCriteria: [UInt8]] = [:]

    /// - Parameter catalogue: what the folders' searches are resolved with; `nil` when no
    ///   search of the catalogue is active (their feeds then list nothing).
    init(catalogue: (any CatalogueSearchable)?, content: SiteContent) {
        self.catalogue = catalogue
        self.content = content
    }

    /// What a search of `criteria` shows, digested.
    /// - Throws: what the catalogue throws.
    func digest(of criteria: SearchCriteria) throws -> [UInt8] {
        lock.lock()
        let known = digests[criteria]
        lock.unlock()
        if let known { return known }
        // Searched outside the lock, for the other reader's lookups; should both meet the same
        // new criteria, both find the same digest.
        let items = try SavedSearchResolver.catalogueItems(matching: criteria, in: catalogue, content: content)
        let digest = FolderFingerprint.digest(items.map { Array("\($0)".utf8) })
        lock.lock()
        digests[criteria] = digest
        lock.unlock()
        return digest
    }
}
