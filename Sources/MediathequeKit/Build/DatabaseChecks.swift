/// What a build checks of the database beside its other work: every table's rows against
/// the contract, on a connection of its own to the build's snapshot. Nothing is swapped in
/// before they pass, and their problems come before any other.
///
/// The checks wait to be let start: what the first folders wait for comes first, rather
/// than share two cores with them (the documents' digests and the catalogue index).
final class DatabaseChecks: Sendable {
    private let gate = Gate()
    private let contract: Background<InputProblems>

    /// Sets the row checks up, to start on ``start()`` once the `documents`' digests are taken.
    init(snapshot: DatabaseSnapshot, after documents: Background<DocumentDigests>?) {
        contract = Background { [gate] in
            gate.wait()
            _ = try? documents?.value()
            return try snapshot.open(cacheKiB: 2048).contractProblems()
        }
    }

    /// Lets the row checks start (once; later calls do nothing).
    func start() { gate.open() }

    /// Waits for the row checks; `nil` when they passed, else the problems they found or
    /// the error that stopped them.
    func failure() -> (any Error)? {
        do {
            let problems = try contract.value()
            return problems.problems.isEmpty ? nil : problems
        } catch {
            return error
        }
    }

    /// Waits for the row checks.
    /// - Throws: what ``failure()`` returns.
    func verify() throws {
        if let failure = failure() { throw failure }
    }
}
