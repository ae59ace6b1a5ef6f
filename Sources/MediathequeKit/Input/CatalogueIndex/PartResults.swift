import Foundation

/// What each thread building a part of an index gave, gathered under a lock; read once every
/// thread is done.
final class PartResults<Part>: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<Part, any Error>?]

    init(count: Int) { results = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<Part, any Error>) {
        lock.lock()
        results[index] = result
        lock.unlock()
    }

    /// The parts in order. When some failed: a failure that is not a row's first, else the
    /// oldest row's, as one index built alone would have met it first, whatever the parts.
    func parts() throws -> [Part] {
        lock.lock()
        defer { lock.unlock() }
        let failures = results.compactMap { result -> (any Error)? in
            if case .failure(let error)? = result { error } else { nil }
        }
        let place = { (error: any Error) in (error as? RowFailure)?.position ?? 0 }
        if let first = failures.min(by: { place($0) < place($1) }) { throw (first as? RowFailure)?.error ?? first }
        return try results.map { try $0!.get() }
    }
}

/// A part's failure on the row at `position` of the order the parts share.
struct RowFailure: Error {
    let position: Int
    let error: any Error
}
