import Foundation
import Mustache

/// The staff-editable Mustache templates of `Templates/`, loaded once per build.
///
/// A template is named by its path without `.mustache` (`layout`, `public/event`).
/// Output is HTML-escaped unless a template says `{{% CONTENT_TYPE: TEXT}}`.
public struct TemplateSet: Sendable {
    let library: MustacheLibrary
    /// The templates the build renders itself (``CompiledTemplate``): every one whose
    /// features, and whose partials' features, it supports; swift-mustache renders the rest.
    let compiled: [String: CompiledTemplate]
    public let names: Set<String>
    /// For tests: how pages are rendered.
    var rendering = Rendering()
    /// Each template's name and the bytes it was parsed from, by name: what the build's
    /// fingerprints cover (empty for templates made in code).
    let sources: [(name: String, bytes: [UInt8])]

    /// Loads every `*.mustache` file below `directory`.
    /// - Throws: ``RenderError`` naming the file, line and column of a template that does not
    ///   parse, names a partial that does not exist, or includes itself (``TemplateChecks``).
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
                                               column: error.context.columnNumber, message: TemplateChecks.words(error.error)))
            }
        }
        try TemplateChecks.check(sources.map { ($0.name, String(decoding: $0.bytes, as: UTF8.self)) }) { root + "/" + $0 + ".mustache" }
        try self.init(templates: templates, sources: sources.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) })
    }

    public init(templates: [String: MustacheTemplate]) throws {
        try self.init(templates: templates, sources: [])
    }

    private init(templates: [String: MustacheTemplate], sources: [(name: String, bytes: [UInt8])]) throws {
        library = MustacheLibrary(templates: templates)
        names = Set(templates.keys)
        self.sources = sources
        compiled = Self.compile(templates)
    }

    /// Renders `object` (a view: Mustache reads its stored properties, or asks it through
    /// `MustacheParent`) with the named template.
    /// A build renders through a ``PageRenderer`` per thread; this makes one for a single page.
    public func render(_ name: String, _ object: Any) throws -> String {
        String(decoding: try PageRenderer(self).render(name, object), as: UTF8.self)
    }

    /// Renders the set's templates on one thread, page after page, as the UTF-8 bytes a
    /// file holds (see ``TemplateRenderer``). A page whose view gives a template a value only
    /// swift-mustache renders (a lambda, a template) is rendered by swift-mustache.
    final class PageRenderer {
        let templates: TemplateSet
        private var renderer: TemplateRenderer

        init(_ templates: TemplateSet) {
            self.templates = templates
            renderer = TemplateRenderer(templates: templates.compiled)
        }

        func render(_ name: String, _ object: Any) throws -> [UInt8] {
            templates.rendering.observer?(name, object)
            if !templates.rendering.swiftMustacheOnly, let template = templates.compiled[name],
               let page = renderer.render(template, object) {
                return page
            }
            guard let text = templates.library.render(object, withTemplate: name) else { throw RenderError(.missingTemplate(name)) }
            return Array(text.utf8)
        }
    }

    /// For tests: how a set renders its pages.
    struct Rendering: Sendable {
        /// Every template by swift-mustache alone: the reference the build's own renderer
        /// must equal, byte for byte.
        var swiftMustacheOnly = false
        /// Told of each page's template and view before it is rendered, on the rendering thread.
        var observer: (@Sendable (_ template: String, _ view: Any) -> Void)?
    }

    /// Compiles every template, then drops those that name, at any depth, a partial that
    /// did not compile: a template is rendered by one engine from top to bottom. Compiles
    /// none when swift-mustache's internals do not read as expected (``SwiftMustacheInternals``).
    private static func compile(_ templates: [String: MustacheTemplate]) -> [String: CompiledTemplate] {
        guard SwiftMustacheInternals.problem == nil else { return [:] }
        var compiled = templates.compactMapValues(CompiledTemplate.compile)
        var changed = true
        while changed {
            changed = false
            for (name, template) in compiled
            where template.partials.contains(where: { templates[$0] != nil && compiled[$0] == nil }) {
                compiled[name] = nil
                changed = true
            }
        }
        return compiled
    }

    /// Fails early, naming the first template a build needs that the folder lacks.
    public func require(_ needed: [String]) throws {
        if let missing = needed.first(where: { !names.contains($0) }) { throw RenderError(.missingTemplate(missing)) }
    }
}
