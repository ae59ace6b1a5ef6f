/// Where in an input a problem lies: a line and column of a text file, or a row of a table.
public enum InputPlace: Hashable, Sendable, CustomStringConvertible {
    case file
    case line(Int, column: Int)
    case row(table: String, id: String, column: String?)
    /// A `key = value` line: where the key, or its value, starts.
    case key(String, line: Int, column: Int)

    public var description: String {
        switch self {
        case .file: ""
        case .line(let line, let column): "line \(line), column \(column)"
        case .row(let table, let id, let column):
            "table \(table), row \(id)" + (column.map { ", column \($0)" } ?? "")
        case .key(let key, let line, let column): "line \(line), column \(column), key '\(key)'"
        }
    }
}

/// One problem found in an input: the file, the place and what is wrong.
///
/// Its description is the one line the command prints:
/// `agenda.xml:12:7: session 's1' of event 'e1' names unknown library 'XYZ'`.
public struct InputProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var place: InputPlace
    public var message: String

    public init(file: String, place: InputPlace = .file, message: String) {
        self.file = file
        self.place = place
        self.message = message
    }

    public var description: String {
        switch place {
        case .file: "\(file): \(message)"
        case .line(let line, let column): "\(file):\(line):\(column): \(message)"
        case .key(let key, let line, let column): "\(file):\(line):\(column): key '\(key)': \(message)"
        default: "\(file): \(place): \(message)"
        }
    }
}

/// The problems that stop a build or fail a check, in the order found.
public struct InputProblems: Error, Sendable, CustomStringConvertible {
    public var problems: [InputProblem]
    /// Problems found beyond those kept (the list is capped).
    public var omitted: Int

    public init(_ problems: [InputProblem], omitted: Int = 0) {
        self.problems = problems
        self.omitted = omitted
    }

    public var description: String {
        var lines = problems.map(\.description)
        if omitted > 0 { lines.append("… and \(omitted) more problem\(omitted == 1 ? "" : "s")") }
        return lines.joined(separator: "\n")
    }
}

/// Collects problems up to a cap, counting the rest.
struct ProblemCollector {
    let limit: Int
    private(set) var problems: [InputProblem] = []
    private(set) var omitted = 0

    init(limit: Int = 100) { self.limit = limit }

    mutating func report(_ problem: InputProblem) {
        if problems.count < limit { problems.append(problem) } else { omitted += 1 }
    }

    var isEmpty: Bool { problems.isEmpty && omitted == 0 }

    func throwIfAny() throws {
        if !isEmpty { throw InputProblems(problems, omitted: omitted) }
    }

    var result: InputProblems { InputProblems(problems, omitted: omitted) }
}
