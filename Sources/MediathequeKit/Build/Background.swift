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
