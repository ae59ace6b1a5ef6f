import Foundation
import Mustache

/// What a set of staff templates must pass before a build renders anything, each problem
/// with the file, line and column, in words a member of staff understands: a partial that
/// is not there (swift-mustache drops it silently), and partials that include each other in
/// a cycle (rendering it never ends: the build crashed on its stack).
enum TemplateChecks {
    /// One `{{> name}}` or `{{< name}}` of a template's source, where it stands.
    struct Reference {
        var name: String
        var line: Int
        var column: Int
    }

    /// The partials each template names, read from its source. A template that changes its
    /// delimiters (`{{=<% %>=}}`) is read with the standard ones only.
    static func references(in source: String) -> [Reference] {
        let pattern = try! NSRegularExpression(pattern: #"\{\{\s*[<>]\s*([^\s}]+)\s*\}\}"#)
        let text = source as NSString
        return pattern.matches(in: source, range: NSRange(location: 0, length: text.length)).map { match in
            let before = text.substring(to: match.range.location)
            let line = before.reduce(1) { $0 + ($1 == "\n" ? 1 : 0) }
            let column = before.count - (before.lastIndex(of: "\n").map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0) + 1
            return Reference(name: text.substring(with: match.range(at: 1)), line: line, column: column)
        }
    }

    /// - Parameters:
    ///   - sources: each template's name and text; `file(name)` names its file in messages.
    /// - Throws: ``RenderError`` for the first missing partial, else the first cycle.
    static func check(_ sources: [(name: String, text: String)], file: (String) -> String) throws {
        let names = Set(sources.map(\.name))
        var graph: [String: [Reference]] = [:]
        for (name, text) in sources {
            let references = references(in: text)
            if let missing = references.first(where: { !names.contains($0.name) }) {
                throw RenderError(.badTemplate(file: file(name), line: missing.line, column: missing.column,
                    message: "the partial '\(missing.name)' does not exist (no \(missing.name).mustache in the templates folder)"))
            }
            graph[name] = references
        }
        // Depth-first, templates in name order: the first cycle found is always the same one.
        var done: Set<String> = []
        var path: [String] = []
        func visit(_ name: String) throws {
            if done.contains(name) { return }
            path.append(name)
            for reference in graph[name] ?? [] {
                if let start = path.firstIndex(of: reference.name) {
                    let cycle = (path[start...] + [reference.name]).joined(separator: " → ")
                    throw RenderError(.badTemplate(file: file(name), line: reference.line, column: reference.column,
                        message: "the partial '\(reference.name)' includes itself (\(cycle)): rendering it would never end"))
                }
                try visit(reference.name)
            }
            path.removeLast()
            done.insert(name)
        }
        for name in graph.keys.sorted() { try visit(name) }
    }

    /// A parser's error in words, for staff: swift-mustache names them by its own identifiers.
    static func words(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        return switch error {
        case .sectionCloseNameIncorrect: "this {{/…}} does not close the section opened last (check the names of {{#…}} and {{/…}})"
        case .unfinishedName: "a tag is not closed: '}}' is missing"
        case .expectedSectionEnd: "a section is never closed: a {{/…}} is missing"
        case .invalidSetDelimiter: "the delimiters set with {{=… …=}} are not valid"
        case .transformAppliedToInheritanceSection: "a transform cannot apply to {{<…}} or {{$…}}"
        case .illegalTokenInsideInheritSection: "only {{$…}} blocks may stand inside {{<…}}"
        case .textInsideInheritSection: "only {{$…}} blocks may stand inside {{<…}}, not text"
        case .invalidConfigVariableSyntax: "a {{%…}} pragma is not written 'NAME: value'"
        case .unrecognisedConfigVariable: "unknown {{%…}} pragma (only CONTENT_TYPE is known)"
        @unknown default: "\(error)"
        }
    }
}
