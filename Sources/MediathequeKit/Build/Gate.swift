import Foundation

/// Shut until opened, once; waiting on an open gate returns at once.
final class Gate: @unchecked Sendable {
    private let opened = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var isOpen = false

    func open() {
        lock.lock()
        defer { lock.unlock() }
        guard !isOpen else { return }
        isOpen = true
        opened.signal()
    }

    func wait() {
        opened.wait()
        opened.signal()
    }
}
