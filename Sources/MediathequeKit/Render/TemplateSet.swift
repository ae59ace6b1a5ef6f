import Foundation
import Mustache

/// The staff-editable Mustache templates of `Templates/`, loaded once per build.
///
/// A template is named by its path without `.mustache` (`layout`, `public/event`).
/// Output is HTML-escaped unless a template says `{{% CONTENT_TYPE: TEXT}}`.
public struct TemplateSet: Sendable {
    let library: MustacheLibrary
    public let names: Set<String>
    /// Each template's name and the bytes it was parsed from, by name: what the build's
    /// fingerprints cover (empty for templates made in code).
    let sources: [(name: String, bytes: [UInt8])]

    /// Loads every `*.mustache` file below `directory`.
    /// - Throws: ``RenderError`` naming the file, line and column of a template that does not parse.
    public init(directory: URL) throws {
        var templates: [String: MustacheTemplate] = [:]
        var sources: [(name: String, bytes: [UInt8])] = []
        let root = directory.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: root) else {
            throw RenderError(.failed("\(root): templates folder not found"))
        }
        for case let relative as String in enumerator where relative.hasSuffix(".mustache") {
            let path = root + "/" + relative
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let name = String(relative.dropLast(".mustache".count))
            sources.append((name, [UInt8](data)))
            do {
                templates[name] = try MustacheTemplate(string: String(decoding: data, as: UTF8.self))
            } catch let error as MustacheTemplate.ParserError {
                throw RenderError(.badTemplate(file: path, line: error.context.lineNumber,
                                               column: error.context.columnNumber, message: "\(error.error)"))
            }
        }
        try self.init(templates: templates, sources: sources.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) })
    }

    public init(templates: [String: MustacheTemplate]) throws {
        try self.init(templates: templates, sources: [])
    }

    private init(templates: [String: MustacheTemplate], sources: [(name: String, bytes: [UInt8])]) throws {
        library = MustacheLibrary(templates: templates)
        names = Set(templates.keys)
        self.sources = sources
    }

    /// Renders `object` (a view struct: Mustache reads its stored properties) with the named template.
    public func render(_ name: String, _ object: Any) throws -> String {
        guard let text = library.render(object, withTemplate: name) else { throw RenderError(.missingTemplate(name)) }
        return text
    }

    /// Fails early, naming every template a build needs that the folder lacks.
    public func require(_ needed: [String]) throws {
        let missing = needed.filter { !names.contains($0) }
        if let first = missing.first { throw RenderError(.missingTemplate(first)) }
    }
}
