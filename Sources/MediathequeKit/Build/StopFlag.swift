import Foundation

/// Tells a thread to stop early.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false

    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return raised
    }

    func set() {
        lock.lock()
        raised = true
        lock.unlock()
    }
}
