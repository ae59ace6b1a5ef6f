import Foundation

/// A value computed on a thread of its own.
final class Background<Value>: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    private var body: (() throws -> Value)?
    private var result: Result<Value, any Error>?

    /// Starts `body`, which is released before the value is given: it may capture what
    /// `withoutActuallyEscaping` lent, as long as ``value()`` is awaited inside.
    init(_ body: @escaping () throws -> Value) {
        self.body = body
        let thread = Thread { [self] in
            result = Result { try self.body!() }
            self.body = nil
            finished.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Waits for the value (once; later calls return the same).
    func value() throws -> Value {
        finished.wait()
        finished.signal()
        return try result!.get()
    }
}

/// Input checks running beside the build, which waits for them before it publishes.
extension Background where Value == InputProblems {
    /// Waits for the checks; `nil` when they passed, else the problems they found or
    /// the error that stopped them.
    func failure() -> (any Error)? {
        do {
            let problems = try value()
            return problems.problems.isEmpty ? nil : problems
        } catch {
            return error
        }
    }

    /// Waits for the checks.
    /// - Throws: what ``failure()`` returns.
    func wait() throws {
        if let failure = failure() { throw failure }
    }
}
