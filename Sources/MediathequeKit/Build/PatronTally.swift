import Foundation

/// Counts of the patron folders done, shared by the rendering threads.
final class PatronTally: @unchecked Sendable {
    let total: Int
    private let lock = NSLock()
    private(set) var done = 0
    private(set) var files = 0
    private(set) var kept = 0
    private(set) var refreshed = 0

    /// How much of a published folder a build kept.
    enum Kept { case no, whole, refreshed }

    init(total: Int) { self.total = total }

    func add(files count: Int, kept: Kept, progress: (BuildProgress) -> Void) {
        lock.lock()
        done += 1
        files += count
        switch kept {
        case .no: break
        case .whole: self.kept += 1
        case .refreshed: refreshed += 1
        }
        let done = self.done
        lock.unlock()
        progress(.patrons(done: done, total: total))
    }
}

/// One value per worker thread, each touched only by its own worker.
final class WorkerLocal<Value>: @unchecked Sendable {
    private let values: [Value]

    init(count: Int, _ make: (Int) -> Value) { values = (0..<max(1, count)).map(make) }

    subscript(worker: Int) -> Value { values[worker] }
}

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
