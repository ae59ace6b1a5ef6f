/// One value per worker thread, each touched only by its own worker.
final class WorkerLocal<Value>: @unchecked Sendable {
    private let values: [Value]

    init(count: Int, _ make: (Int) -> Value) { values = (0..<max(1, count)).map(make) }

    subscript(worker: Int) -> Value { values[worker] }
}
