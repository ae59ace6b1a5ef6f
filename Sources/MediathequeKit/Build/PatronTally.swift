import Foundation

/// Counts of the patron folders done, shared by the rendering threads.
final class PatronTally: @unchecked Sendable {
    let total: Int
    private let lock = NSLock()
    private(set) var done = 0
    private(set) var files = 0
    private(set) var kept = 0
    /// Folders rendered but for their summary, kept.
    private(set) var keptSummaries = 0

    init(total: Int) { self.total = total }

    func add(files count: Int, kept: Bool, keptSummary: Bool, progress: (BuildProgress) -> Void) {
        lock.lock()
        done += 1
        files += count
        if kept { self.kept += 1 }
        if keptSummary { keptSummaries += 1 }
        let done = self.done
        lock.unlock()
        progress(.patrons(done: done, total: total))
    }
}
