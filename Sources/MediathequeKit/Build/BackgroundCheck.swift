import Foundation

/// Input checks run on a thread of their own while the build goes on; the build
/// waits for them before it publishes anything.
final class BackgroundCheck: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    private var result: Result<InputProblems, any Error>?

    init(_ check: @escaping @Sendable () throws -> InputProblems) {
        Thread { [self] in
            result = Result { try check() }
            finished.signal()
        }.start()
    }

    /// Waits for the checks.
    /// - Throws: the problems they found, or the error that stopped them.
    func wait() throws {
        if let failure = failure() { throw failure }
    }

    /// Waits for the checks; `nil` when they passed.
    func failure() -> (any Error)? {
        finished.wait()
        finished.signal() // later callers do not wait again
        switch result! {
        case .success(let problems): return problems.problems.isEmpty ? nil : problems
        case .failure(let error): return error
        }
    }
}
