/// A failure to turn the model into files.
public struct RenderError: Error, Sendable, CustomStringConvertible {
    public enum Reason: Sendable {
        case unsafePath(String)
        case missingTemplate(String)
        case badTemplate(file: String, line: Int, column: Int, message: String)
        case failed(String)
    }

    public var reason: Reason

    public init(_ reason: Reason) { self.reason = reason }

    public var description: String {
        switch reason {
        case .unsafePath(let path): "refusing to write outside the bundle: '\(AccountDatabase.printable(path))'"
        case .missingTemplate(let name): "no template named '\(name)' (expected \(name).mustache in the templates folder)"
        case .badTemplate(let file, let line, let column, let message): "\(file):\(line):\(column): \(message)"
        case .failed(let message): message
        }
    }
}
