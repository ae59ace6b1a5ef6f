import Mustache

/// A staff template as a tree the build renders straight into bytes.
///
/// swift-mustache parses the file (and reports its errors with line and column); the
/// tree is read from the parsed template once per build, so both engines see the same
/// parse, standalone lines and indentation included. What this renderer leaves to
/// swift-mustache (transforms such as `{{uppercased(name)}}`, dynamic partials,
/// `{{% CONTENT_TYPE }}` pragmas) makes ``compile(_:)`` return `nil`, and the
/// template is rendered by swift-mustache as before.
///
/// The parse is read through `Mirror`, from swift-mustache's internals: see
/// ``SwiftMustacheInternals`` and `UPGRADING.md` beside this file.
struct CompiledTemplate: Sendable, Equatable {
    var nodes: [TemplateNode]

    /// The tree of a parsed template; `nil` when it uses a feature only swift-mustache renders.
    static func compile(_ template: MustacheTemplate) -> CompiledTemplate? {
        (try? read(template)) ?? nil
    }

    /// The tree of a parsed template; `nil` when it uses a feature only swift-mustache renders.
    /// - Throws: ``SwiftMustacheInternals/Change`` when the parse is not shaped as swift-mustache 2.1.1's.
    static func read(_ template: MustacheTemplate) throws(SwiftMustacheInternals.Change) -> CompiledTemplate? {
        guard let tokens = Mirror(reflecting: template).descendant("tokens"),
              Mirror(reflecting: tokens).displayStyle == .collection else {
            throw SwiftMustacheInternals.Change("MustacheTemplate has no stored array `tokens`")
        }
        var nodes: [TemplateNode] = []
        for token in Mirror(reflecting: tokens).children {
            guard let node = try TemplateNode(token: token.value) else { return nil }
            nodes.append(node)
        }
        return CompiledTemplate(nodes: nodes)
    }

    /// The partials the template names, at any depth (overrides included).
    var partials: Set<String> {
        var names: Set<String> = []
        func visit(_ nodes: [TemplateNode]) {
            for node in nodes {
                switch node {
                case .text, .variable: break
                case .section(_, let body, _): visit(body)
                case .block(_, let body, _): visit(body)
                case .partial(let name, _, let overrides):
                    names.insert(name)
                    overrides?.values.forEach { visit($0.nodes) }
                }
            }
        }
        visit(nodes)
        return names
    }
}

/// One token of a compiled template.
indirect enum TemplateNode: Sendable, Equatable {
    case text([UInt8])
    case variable(TemplateName, escaped: Bool)
    case section(TemplateName, [TemplateNode], inverted: Bool)
    /// `{{$name}}…{{/name}}`: the parent's default, or what the child template overrides.
    case block(String, [TemplateNode], indentation: String?)
    /// `{{>name}}`, or `{{<name}}…{{/name}}` with the child's overrides.
    case partial(String, indentation: String?, overrides: [String: CompiledTemplate]?)

    /// Reads one of swift-mustache's tokens (`MustacheTemplate.Token`, an enum with payloads);
    /// `nil` for a feature only swift-mustache renders (transforms, dynamic partials, pragmas).
    /// - Throws: ``SwiftMustacheInternals/Change`` for a token not shaped as one of 2.1.1's.
    init?(token: Any) throws(SwiftMustacheInternals.Change) {
        let mirror = Mirror(reflecting: token)
        guard mirror.displayStyle == .enum, let payload = mirror.children.first, let kind = payload.label else {
            throw SwiftMustacheInternals.Change("a token is not an enum case with a payload: \(token)")
        }
        let fields = Mirror(reflecting: payload.value).displayStyle == .tuple
            ? Mirror(reflecting: payload.value).children.map(\.value) : [payload.value]
        func field<T>(_ index: Int, _: T.Type) throws(SwiftMustacheInternals.Change) -> T {
            guard let value = fields[index] as? T else {
                throw SwiftMustacheInternals.Change("token `\(kind)`: field \(index) is a \(type(of: fields[index])), not a \(T.self)")
            }
            return value
        }
        func body(_ index: Int) throws(SwiftMustacheInternals.Change) -> [TemplateNode]? {
            let compiled = try CompiledTemplate.read(try field(index, MustacheTemplate.self))
            return compiled?.nodes
        }

        switch (kind, fields.count) {
        case ("text", 1):
            self = .text(Array(try field(0, String.self).utf8))
        case ("variable", 2), ("unescapedVariable", 2):
            let name = try field(0, String.self)
            guard try field(1, [String].self).isEmpty else { return nil }
            self = .variable(TemplateName(name), escaped: kind == "variable")
        case ("section", 3), ("invertedSection", 3):
            let name = try field(0, String.self)
            guard try field(1, [String].self).isEmpty, let nodes = try body(2) else { return nil }
            self = .section(TemplateName(name), nodes, inverted: kind == "invertedSection")
        case ("blockExpansion", 3):
            let name = try field(0, String.self), indentation = try field(2, String?.self)
            guard let nodes = try body(1) else { return nil }
            self = .block(name, nodes, indentation: indentation)
        case ("partial", 3):
            let name = try field(0, String.self), indentation = try field(1, String?.self)
            var overrides: [String: CompiledTemplate]?
            if let inherits = try field(2, [String: MustacheTemplate]?.self) {
                overrides = [:]
                for (block, template) in inherits {
                    guard let compiled = try CompiledTemplate.read(template) else { return nil }
                    overrides?[block] = compiled
                }
            }
            self = .partial(name, indentation: indentation, overrides: overrides)
        case ("dynamicNamePartial", 3), ("contentType", 1):
            return nil
        default:
            throw SwiftMustacheInternals.Change("a token `\(kind)` with \(fields.count) fields")
        }
    }
}

/// A variable or section name, split on its dots once rather than at every lookup.
struct TemplateName: Sendable, Equatable {
    enum Scope: Sendable {
        /// `{{.}}`, and a name with no parts: the current object.
        case current
        /// `{{.name}}`: looked up in the current object only.
        case anchored
        /// `{{name}}`, `{{a.b}}`: the first part up the context stack, the rest below it.
        case stack
    }

    var scope: Scope
    var parts: [String]

    init(_ name: String) {
        parts = name.split(separator: ".").map(String.init)
        scope = name == "." || parts.isEmpty ? .current : name.hasPrefix(".") ? .anchored : .stack
    }
}
