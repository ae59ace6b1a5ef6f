/// What a build checks of the database beside its other work: every table's rows against
/// the contract, on a connection of its own, and, at the end, that the file is the one it
/// started reading. Nothing is swapped in before they pass, and their problems come before
/// any other.
///
/// The checks wait to be let start: what the first folders wait for comes first, rather
/// than share two cores with them (the catalogue's digest and, in a build that renders
/// every folder, the catalogue index).
final class DatabaseChecks: Sendable {
    private let path: String
    /// The file as it was before any connection opened it: several connections read it, each
    /// opening it by its path, so the build is published only if it is the same file, unchanged.
    private let file: FileIdentity?
    private let gate = Gate()
    private let contract: Background<InputProblems>

    /// Sets the row checks up, to start on ``start()`` once `catalogue`'s digest is taken.
    init(path: String, file: FileIdentity?, after catalogue: CatalogueDigest?) {
        self.path = path
        self.file = file
        contract = Background { [gate] in
            gate.wait()
            _ = try? catalogue?.value()
            return try AccountDatabase(path: path, cacheKiB: 2048).contractProblems()
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

    /// Waits for the row checks, then checks that the file was not replaced or written since
    /// the build began.
    /// - Throws: what ``failure()`` returns, or an ``InputProblem``.
    func verify() throws {
        if let failure = failure() { throw failure }
        guard FileIdentity(path: path) == file else {
            throw InputProblem(file: path, message: "changed while the build read it; nothing was published: build again")
        }
    }
}
