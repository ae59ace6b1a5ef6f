import Foundation

/// Patron folders the published bundle should have held but did not: rendered again.
final class LostFolders: @unchecked Sendable {
    private let lock = NSLock()
    private var lost: [String] = []

    func add(_ card: String) {
        lock.lock()
        lost.append(card)
        lock.unlock()
    }

    /// Their patrons' card numbers.
    var cards: [String] {
        lock.lock()
        defer { lock.unlock() }
        return lost
    }
}
