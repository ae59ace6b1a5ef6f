import Mustache

/// A staff template as a tree the build renders straight into bytes.
///
/// swift-mustache parses the file (and reports its errors with line and column); the
/// tree is read from the parsed template once per build, so both engines see the same
/// parse, standalone lines and indentation included. What this renderer leaves to
/// swift-mustache (transforms such as `{{uppercased(name)}}`, dynamic partials,
/// `{{% CONTENT_TYPE }}` pragmas) makes ``compile(_:)`` return `nil`, and the
/// template is rendered by swift-mustache as before.
struct CompiledTemplate: Sendable {
    var nodes: [TemplateNode]

    /// The tree of a parsed template; `nil` when it uses a feature only swift-mustache renders.
    static func compile(_ template: MustacheTemplate) -> CompiledTemplate? {
        guard let tokens = Mirror(reflecting: template).descendant("tokens") else { return nil }
        var nodes: [TemplateNode] = []
        for token in Mirror(reflecting: tokens).children {
            guard let node = TemplateNode(token: token.value) else { return nil }
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
indirect enum TemplateNode: Sendable {
    case text([UInt8])
    case variable(TemplateName, escaped: Bool)
    case section(TemplateName, [TemplateNode], inverted: Bool)
    /// `{{$name}}…{{/name}}`: the parent's default, or what the child template overrides.
    case block(String, [TemplateNode], indentation: String?)
    /// `{{>name}}`, or `{{<name}}…{{/name}}` with the child's overrides.
    case partial(String, indentation: String?, overrides: [String: CompiledTemplate]?)

    /// Reads one of swift-mustache's tokens (`MustacheTemplate.Token`, an enum with payloads).
    init?(token: Any) {
        let mirror = Mirror(reflecting: token)
        guard mirror.displayStyle == .enum, let payload = mirror.children.first, let kind = payload.label else { return nil }
        let fields = Mirror(reflecting: payload.value).displayStyle == .tuple
            ? Mirror(reflecting: payload.value).children.map(\.value) : [payload.value]
        func noTransforms(_ index: Int) -> Bool { (fields[index] as? [String])?.isEmpty == true }
        func body(_ index: Int) -> [TemplateNode]? {
            (fields[index] as? MustacheTemplate).flatMap(CompiledTemplate.compile)?.nodes
        }
        func optionalString(_ index: Int) -> String?? { fields[index] as? String? }

        switch (kind, fields.count) {
        case ("text", 1):
            guard let text = fields[0] as? String else { return nil }
            self = .text(Array(text.utf8))
        case ("variable", 2), ("unescapedVariable", 2):
            guard let name = fields[0] as? String, noTransforms(1) else { return nil }
            self = .variable(TemplateName(name), escaped: kind == "variable")
        case ("section", 3), ("invertedSection", 3):
            guard let name = fields[0] as? String, noTransforms(1), let nodes = body(2) else { return nil }
            self = .section(TemplateName(name), nodes, inverted: kind == "invertedSection")
        case ("blockExpansion", 3):
            guard let name = fields[0] as? String, let nodes = body(1), let indentation = optionalString(2) else { return nil }
            self = .block(name, nodes, indentation: indentation)
        case ("partial", 3):
            guard let name = fields[0] as? String, let indentation = optionalString(1),
                  let inherits = fields[2] as? [String: MustacheTemplate]? else { return nil }
            var overrides: [String: CompiledTemplate]?
            if let inherits {
                overrides = [:]
                for (block, template) in inherits {
                    guard let compiled = CompiledTemplate.compile(template) else { return nil }
                    overrides?[block] = compiled
                }
            }
            self = .partial(name, indentation: indentation, overrides: overrides)
        default:
            // dynamicNamePartial, contentType, blockDefinition: swift-mustache's own.
            return nil
        }
    }
}

/// A variable or section name, split on its dots once rather than at every lookup.
struct TemplateName: Sendable {
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
