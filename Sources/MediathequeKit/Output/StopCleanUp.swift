import CSupport
import Foundation

/// What a build leaves beside the bundle while it runs (its staging folder, its copy of the
/// database, the demo's temporary folder), removed if SIGINT or SIGTERM stops the program:
/// a stopped build leaves the published bundle as it was, and nothing else behind.
public final class StopCleanUp: @unchecked Sendable {
    public static let shared = StopCleanUp()
    private let lock = NSLock()
    private var paths: Set<String> = []
    private var firstStop: (@Sendable () -> Void)?

    /// Removes `path` (never through a link) if the program is stopped before ``forget(_:)``.
    public func add(_ path: String) { lock.withLock { _ = paths.insert(path) } }

    public func forget(_ path: String) { lock.withLock { _ = paths.remove(path) } }

    /// Makes the first SIGINT or SIGTERM call `stop` instead, removing nothing and leaving the
    /// program running (`serve` stops gracefully, letting a build under way finish or abandon
    /// its staging folder itself); the next one does as ``install()`` says.
    public func onFirstStop(_ stop: @escaping @Sendable () -> Void) { lock.withLock { firstStop = stop } }

    /// Handles SIGINT and SIGTERM: removes what was added, then ends the program as the
    /// signal would have (its status says which). Call it first thing, before any thread is
    /// made: the signals are blocked in every thread but one that waits for them.
    public func install() {
        var signals = sigset_t()
        sigemptyset(&signals)
        for number in [SIGINT, SIGTERM] { sigaddset(&signals, number) }
        pthread_sigmask(SIG_BLOCK, &signals, nil)
        let waiting = signals
        let thread = Thread { [self] in
            var signals = waiting, number: Int32 = 0
            guard sigwait(&signals, &number) == 0 else { return }
            if let stop = lock.withLock({ defer { firstStop = nil }; return firstStop }) {
                stop()
                guard sigwait(&signals, &number) == 0 else { return }
            }
            for path in lock.withLock({ paths }) { mq_remove_tree(path) }
            signal(number, SIG_DFL)
            pthread_sigmask(SIG_UNBLOCK, &signals, nil)
            raise(number)
        }
        thread.start()
    }
}
