import Mustache

/// Renders compiled templates into one byte buffer, as swift-mustache renders them.
///
/// The rules are swift-mustache's (2.1.1): names are looked up through
/// ``MustacheParent`` or, failing that, the stored properties; a name's first part
/// climbs the context stack; a `Bool` gates a section, a sequence repeats it, `nil`
/// skips it; an indented partial indents every line it starts. What differs is the
/// cost: one buffer instead of a `String` per token, names split once, HTML escaped
/// a byte at a time. One thing differs on purpose: a markup character fused with a
/// combining mark is escaped too (swift-mustache compares whole `Character`s and let
/// it through; ``HTMLText`` closed that hole before, and still does for the fallback).
struct TemplateRenderer {
    let templates: [String: CompiledTemplate]
    private var output: [UInt8] = []
    private var stack: [Frame] = []
    private var knownTraits: [ObjectIdentifier: Traits] = [:]

    init(templates: [String: CompiledTemplate], capacity: Int = 16 << 10) {
        self.templates = templates
        output.reserveCapacity(capacity)
    }

    /// `object` rendered with `template`. A renderer serves one thread, page after page: it
    /// keeps its buffer and what it learnt of each type. The page is handed out as a copy
    /// of its own size, so that the buffer stays this renderer's for the next page.
    mutating func render(_ template: CompiledTemplate, _ object: Any) -> [UInt8] {
        output.removeAll(keepingCapacity: true)
        stack = [frame(object)]
        render(template.nodes, indentation: nil, inherited: nil)
        return Array(output)
    }

    private mutating func render(_ nodes: [TemplateNode], indentation: String?, inherited: [String: CompiledTemplate]?) {
        // By index: a node is borrowed from the tree, not copied (and its payload retained).
        guard let indentation, !indentation.isEmpty else {
            for index in nodes.indices { render(nodes[index], indentation: indentation, inherited: inherited) }
            return
        }
        // As swift-mustache: a token that renders something, right after a line this
        // template rendered ended, gets the indentation first.
        let start = output.count
        for index in nodes.indices {
            let position = output.count
            render(nodes[index], indentation: indentation, inherited: inherited)
            if output.count > position, endsLine(at: position, after: start) {
                output.insert(contentsOf: indentation.utf8, at: position)
            }
        }
    }

    /// Whether the bytes before `position`, rendered since `start`, end in a lone line
    /// feed (the `Character` `"\n"`: not the end of a `"\r\n"`).
    private func endsLine(at position: Int, after start: Int) -> Bool {
        guard position > start, output[position - 1] == UInt8(ascii: "\n") else { return false }
        return position - 1 == start || output[position - 2] != UInt8(ascii: "\r")
    }

    private mutating func render(_ node: TemplateNode, indentation: String?, inherited: [String: CompiledTemplate]?) {
        switch node {
        case .text(let bytes):
            output.append(contentsOf: bytes)
        case .variable(let name, let escaped):
            guard let value = lookUp(name) else { return }
            let text = text(of: value)
            if escaped { appendEscaped(text) } else { output.append(contentsOf: text.utf8) }
        case .section(let name, let body, let inverted):
            let value = lookUp(name)
            if inverted {
                renderInverted(value, body, indentation: indentation, inherited: inherited)
            } else {
                renderSection(value, body, indentation: indentation, inherited: inherited)
            }
        case .block(let name, let body, let indented):
            let nodes = inherited?[name]?.nodes ?? body
            render(nodes, indentation: Self.indent(indentation, indented), inherited: inherited)
        case .partial(let name, let indented, let overrides):
            guard let template = templates[name] else { return }
            var merged = inherited
            if let overrides {
                // The outer template's overrides win over the inner one's.
                merged = inherited?.merging(overrides) { outer, _ in outer } ?? overrides
            }
            render(template.nodes, indentation: Self.indent(indentation, indented), inherited: merged)
        }
    }

    private static func indent(_ indentation: String?, _ more: String?) -> String? {
        guard let more else { return indentation }
        return (indentation ?? "") + more
    }

    private mutating func renderSection(_ value: Any?, _ body: [TemplateNode], indentation: String?,
                                        inherited: [String: CompiledTemplate]?) {
        guard let value else { return }
        if let flag = value as? Bool {
            if flag { render(body, indentation: indentation, inherited: inherited) }
        } else if value is String {
            within(value) { $0.render(body, indentation: indentation, inherited: inherited) }
        } else if let sequence = traits(of: value).sequence {
            renderEach(sequence(value), body, indentation: indentation, inherited: inherited)
        } else if let renderable = traits(of: value).renderable, renderable(value).isNull {
            return
        } else {
            within(value) { $0.render(body, indentation: indentation, inherited: inherited) }
        }
    }

    private mutating func renderInverted(_ value: Any?, _ body: [TemplateNode], indentation: String?,
                                         inherited: [String: CompiledTemplate]?) {
        guard let value else { return render(body, indentation: indentation, inherited: inherited) }
        if let flag = value as? Bool {
            if !flag { render(body, indentation: indentation, inherited: inherited) }
        } else if value is String {
            return
        } else if let sequence = traits(of: value).sequence {
            // swift-mustache renders an empty list's inverted section with the list on the stack.
            if Self.isEmpty(sequence(value)) {
                within(value) { $0.render(body, indentation: indentation, inherited: inherited) }
            }
        } else if let renderable = traits(of: value).renderable, renderable(value).isNull {
            render(body, indentation: indentation, inherited: inherited)
        }
    }

    private mutating func within(_ object: Any, _ body: (inout TemplateRenderer) -> Void) {
        stack.append(frame(object))
        body(&self)
        stack.removeLast()
    }

    private mutating func renderEach<S: MustacheSequence>(_ sequence: S, _ body: [TemplateNode], indentation: String?,
                                                          inherited: [String: CompiledTemplate]?) {
        for element in sequence {
            within(element) { $0.render(body, indentation: indentation, inherited: inherited) }
        }
    }

    private static func isEmpty<S: MustacheSequence>(_ sequence: S) -> Bool {
        var iterator = sequence.makeIterator()
        return iterator.next() == nil
    }

    // MARK: - Names

    private mutating func lookUp(_ name: TemplateName) -> Any? {
        var found: Any?
        switch name.scope {
        case .current:
            found = stack.isEmpty ? nil : stack[stack.count - 1].object
        case .anchored:
            found = stack.isEmpty ? nil : descend(name.parts[...], from: stack[stack.count - 1].object)
        case .stack:
            for index in stack.indices.reversed() {
                if let first = stack[index].child(name.parts[0]) {
                    found = descend(name.parts.dropFirst(), from: first)
                    break
                }
            }
        }
        if let value = found, !Self.isPlain(value), let represented = traits(of: value).representation {
            found = represented(value).representation
        }
        return found
    }

    private mutating func descend(_ parts: ArraySlice<String>, from object: Any) -> Any? {
        var object = object
        for part in parts {
            guard let next = frame(object).child(part) else { return nil }
            object = next
        }
        return object
    }

    /// Values that have no names and stand for themselves: no need to ask what they conform to.
    /// (Comparing the dynamic type costs less than a cast.)
    static func isPlain(_ value: Any) -> Bool {
        let type = ObjectIdentifier(Swift.type(of: value))
        return type == ObjectIdentifier(String.self) || type == ObjectIdentifier(Bool.self) || type == ObjectIdentifier(Int.self)
    }

    private mutating func traits(of value: Any) -> Traits {
        let type = ObjectIdentifier(Swift.type(of: value))
        if let known = knownTraits[type] { return known }
        let traits = Traits(of: value)
        knownTraits[type] = traits
        return traits
    }

    private mutating func frame(_ object: Any) -> Frame {
        guard !Self.isPlain(object) else { return Frame(object: object, parent: nil, fields: []) }
        var target: Any? = object
        if let represented = traits(of: object).representation { target = represented(object).representation }
        guard let target else { return Frame(object: object, parent: nil, fields: []) }
        if let parent = traits(of: target).parent { return Frame(object: object, parent: parent(target), fields: []) }
        // Read once a frame: each lookup would otherwise walk a new `Mirror`. Whether a field
        // holds an optional is asked of its type once per renderer, not of a `Mirror` per lookup.
        var fields: [Frame.Field] = []
        for child in Mirror(reflecting: target).children {
            let optional = !Self.isPlain(child.value) && traits(of: child.value).isOptional
            fields.append(Frame.Field(label: child.label, value: child.value, isOptional: optional))
        }
        return Frame(object: object, parent: nil, fields: fields)
    }

    /// An object on the context stack, with the way to find its names settled once.
    struct Frame {
        let object: Any
        /// How names are found in the object (or in what it stands for): through
        /// ``MustacheParent``, else among its stored properties.
        let parent: (any MustacheParent)?
        let fields: [Field]

        struct Field {
            let label: String?
            let value: Any
            let isOptional: Bool
        }

        /// The value named `name`, as swift-mustache finds it: through ``MustacheParent``, else
        /// the stored property of that name (an optional one unwrapped).
        func child(_ name: String) -> Any? {
            if let parent { return parent.child(named: name) }
            guard let index = fields.firstIndex(where: { $0.label == name }) else { return nil }
            guard fields[index].isOptional else { return fields[index].value }
            return Mirror(reflecting: fields[index].value).children.first?.value
        }
    }

    /// What a type conforms to among Mustache's protocols, asked of the runtime once per
    /// renderer (a worker's): each such question costs more than the lookups it serves.
    /// Each conformance comes as a cast to the concrete type, which the runtime answers at once.
    struct Traits {
        var representation: ((Any) -> any MustacheCustomRepresentation)?
        var parent: ((Any) -> any MustacheParent)?
        var sequence: ((Any) -> any MustacheSequence)?
        var renderable: ((Any) -> any MustacheCustomRenderable)?
        var isOptional = false

        init(of value: Any) {
            isOptional = Mirror(reflecting: value).displayStyle == .optional
            if let value = value as? any MustacheCustomRepresentation { representation = Self.cast(value) }
            if let value = value as? any MustacheParent { parent = Self.cast(value) }
            if let value = value as? any MustacheSequence { sequence = Self.cast(value) }
            if let value = value as? any MustacheCustomRenderable { renderable = Self.cast(value) }
        }

        private static func cast<T: MustacheCustomRepresentation>(_: T) -> (Any) -> any MustacheCustomRepresentation { { $0 as! T } }
        private static func cast<T: MustacheParent>(_: T) -> (Any) -> any MustacheParent { { $0 as! T } }
        private static func cast<T: MustacheSequence>(_: T) -> (Any) -> any MustacheSequence { { $0 as! T } }
        private static func cast<T: MustacheCustomRenderable>(_: T) -> (Any) -> any MustacheCustomRenderable { { $0 as! T } }
    }

    // MARK: - Text

    private mutating func text(of value: Any) -> String {
        if let string = value as? String { return string }
        if let flag = value as? Bool { return String(describing: flag) }
        if let number = value as? Int { return String(number) }
        if let renderable = traits(of: value).renderable { return renderable(value).renderText }
        // A value that is itself an optional prints what it holds (or "nil").
        if traits(of: value).isOptional, let wrapped = Mirror(reflecting: value).children.first?.value {
            return String(describing: wrapped)
        }
        return String(describing: value)
    }

    private mutating func appendEscaped(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var clean = 0
            for (index, byte) in bytes.enumerated() {
                let replacement: StaticString
                switch byte {
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&#39;"
                default: continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[clean..<index]))
                replacement.withUTF8Buffer { output.append(contentsOf: $0) }
                clean = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[clean...]))
        }
    }
}
