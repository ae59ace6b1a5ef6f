/// A build failure, stamped with the stage it happened in.
public struct BuildError: Error, Sendable, CustomStringConvertible {
    public var stage: String
    public var underlying: any Error

    public init(stage: String, underlying: any Error) {
        self.stage = stage
        self.underlying = underlying
    }

    /// One line per problem.
    public var lines: [String] {
        if let problems = underlying as? InputProblems {
            return problems.description.split(separator: "\n").map(String.init)
        }
        return ["\(stage): \(underlying)"]
    }

    public var description: String { lines.joined(separator: "\n") }
}

extension BuildError {
    /// Runs `body`, stamping `stage` onto what it throws; an error already stamped keeps its stage.
    static func stamping<T>(_ stage: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as BuildError {
            throw error
        } catch {
            throw BuildError(stage: stage, underlying: error)
        }
    }
}
