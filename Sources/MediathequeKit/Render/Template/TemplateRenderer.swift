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
///
/// What swift-mustache renders otherwise than its rules (it calls a `MustacheLambda`, renders
/// a `MustacheTemplate`: see ``Traits/isSwiftMustacheOnly(_:)``), this renderer refuses: a
/// page that looks such a value up is left to swift-mustache.
struct TemplateRenderer {
    let templates: [String: CompiledTemplate]
    private var output: [UInt8] = []
    private var stack: [Frame] = []
    private var knownTraits = TraitsTable()
    /// Whether this page looked up a value only swift-mustache renders.
    private var refused = false

    init(templates: [String: CompiledTemplate], capacity: Int = 16 << 10) {
        self.templates = templates
        output.reserveCapacity(capacity)
    }

    /// `object` rendered with `template`; `nil` when the page looks up a value only
    /// swift-mustache renders. A renderer serves one thread, page after page: it
    /// keeps its buffer and what it learnt of each type. The page is handed out as a copy
    /// of its own size, so that the buffer stays this renderer's for the next page.
    mutating func render(_ template: CompiledTemplate, _ object: Any) -> [UInt8]? {
        output.removeAll(keepingCapacity: true)
        refused = false
        stack = [frame(object)]
        render(template.nodes, indentation: nil, inherited: nil)
        return refused ? nil : Array(output)
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
        if let flag = bool(value) {
            if flag { render(body, indentation: indentation, inherited: inherited) }
        } else if Swift.type(of: value) == String.self {
            within(value, body, indentation: indentation, inherited: inherited)
        } else if let sequence = traits(of: value).sequence(of: value) {
            renderEach(sequence, body, indentation: indentation, inherited: inherited)
        } else if let renderable = traits(of: value).renderable(of: value), renderable.isNull {
            return
        } else {
            within(value, body, indentation: indentation, inherited: inherited)
        }
    }

    private mutating func renderInverted(_ value: Any?, _ body: [TemplateNode], indentation: String?,
                                         inherited: [String: CompiledTemplate]?) {
        guard let value else { return render(body, indentation: indentation, inherited: inherited) }
        if let flag = bool(value) {
            if !flag { render(body, indentation: indentation, inherited: inherited) }
        } else if Swift.type(of: value) == String.self {
            return
        } else if let sequence = traits(of: value).sequence(of: value) {
            // swift-mustache renders an empty list's inverted section with the list on the stack.
            if Self.isEmpty(sequence) {
                within(value, body, indentation: indentation, inherited: inherited)
            }
        } else if let renderable = traits(of: value).renderable(of: value), renderable.isNull {
            render(body, indentation: indentation, inherited: inherited)
        }
    }

    /// Renders `body` with `object` on top of the context stack.
    private mutating func within(_ object: Any, _ body: [TemplateNode], indentation: String?,
                                 inherited: [String: CompiledTemplate]?) {
        stack.append(frame(object))
        render(body, indentation: indentation, inherited: inherited)
        stack.removeLast()
    }

    private mutating func renderEach<S: MustacheSequence>(_ sequence: S, _ body: [TemplateNode], indentation: String?,
                                                          inherited: [String: CompiledTemplate]?) {
        for element in sequence {
            within(element, body, indentation: indentation, inherited: inherited)
        }
    }

    private static func isEmpty<S: MustacheSequence>(_ sequence: S) -> Bool {
        var iterator = sequence.makeIterator()
        return iterator.next() == nil
    }

    // MARK: - Names

    private mutating func lookUp(_ name: TemplateName) -> Any? {
        guard let found = find(name) else { return nil }
        if Self.isPlain(found) { return found }
        let traits = traits(of: found)
        guard let represented = traits.representation(of: found) else { return refuses(found, traits) ? nil : found }
        guard let representation = represented.representation else { return nil }
        return refuses(representation, self.traits(of: representation)) ? nil : representation
    }

    /// Whether only swift-mustache renders `value`: if so, the page is refused.
    private mutating func refuses(_ value: Any, _ traits: Traits) -> Bool {
        guard traits.isSwiftMustacheOnly(value) else { return false }
        refused = true
        return true
    }

    private mutating func find(_ name: TemplateName) -> Any? {
        switch name.scope {
        case .current:
            return stack.last?.object
        case .anchored:
            guard let top = stack.last?.object else { return nil }
            return descend(name.parts[...], from: top)
        case .stack:
            for frame in stack.reversed() {
                guard let first = frame.child(name.parts[0]) else { continue }
                return name.parts.count == 1 ? first : descend(name.parts.dropFirst(), from: first)
            }
            return nil
        }
    }

    private mutating func descend(_ parts: ArraySlice<String>, from object: Any) -> Any? {
        var object = object
        for part in parts {
            guard let next = child(of: object, named: part) else { return nil }
            object = next
        }
        return object
    }

    /// `frame(object).child(name)`, without making a frame for a view asked one name.
    private mutating func child(of object: Any, named name: String) -> Any? {
        guard !Self.isPlain(object) else { return nil }
        let traits = traits(of: object)
        // swift-mustache calls a lambda to look a name up in what it returns.
        guard !refuses(object, traits) else { return nil }
        if traits.representation(of: object) == nil, let parent = traits.parent(of: object) { return parent.child(named: name) }
        return frame(object).child(name)
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
        knownTraits.insert(traits, for: type)
        return traits
    }

    private mutating func frame(_ object: Any) -> Frame {
        guard !Self.isPlain(object) else { return Frame(object) }
        var target = object
        var targetTraits = traits(of: object)
        if let represented = targetTraits.representation(of: object) {
            guard let representation = represented.representation else { return Frame(object) }
            target = representation
            targetTraits = traits(of: target)
        }
        if let parent = targetTraits.parent(of: target) { return ParentFrame(object, parent: parent) }
        // Read once a frame: each lookup would otherwise walk a new `Mirror`. Whether a field
        // holds an optional is asked of its type once per renderer, not of a `Mirror` per lookup.
        var fields: [FieldFrame.Field] = []
        for child in Mirror(reflecting: target).children {
            let optional = !Self.isPlain(child.value) && traits(of: child.value).isOptional
            fields.append(FieldFrame.Field(label: child.label, value: child.value, isOptional: optional))
        }
        return FieldFrame(object, fields: fields)
    }

    /// An object on the context stack, with the way to find its names settled once: it
    /// has none (a string, a number), or it answers through ``MustacheParent`` (a
    /// ``ParentFrame``), or by its stored properties (a ``FieldFrame``).
    ///
    /// Classes: a lookup reads a frame through one reference, where a struct holding two
    /// existentials was copied out of the stack and destroyed again at every name.
    class Frame {
        let object: Any

        init(_ object: Any) { self.object = object }

        /// The value named `name`, as swift-mustache finds it.
        func child(_ name: String) -> Any? { nil }
    }

    /// An object that answers through ``MustacheParent`` (or stands for one that does).
    final class ParentFrame: Frame {
        let parent: any MustacheParent

        init(_ object: Any, parent: any MustacheParent) {
            self.parent = parent
            super.init(object)
        }

        override func child(_ name: String) -> Any? { parent.child(named: name) }
    }

    /// An object whose names are its stored properties, as a `Mirror` gave them.
    final class FieldFrame: Frame {
        struct Field {
            let label: String?
            let value: Any
            let isOptional: Bool
        }

        let fields: [Field]

        init(_ object: Any, fields: [Field]) {
            self.fields = fields
            super.init(object)
        }

        /// The stored property named `name`, an optional one unwrapped.
        override func child(_ name: String) -> Any? {
            guard let index = fields.firstIndex(where: { $0.label == name }) else { return nil }
            guard fields[index].isOptional else { return fields[index].value }
            return Mirror(reflecting: fields[index].value).children.first?.value
        }
    }

    // MARK: - Plain values

    /// The value as a `Bool`, as `value as? Bool` gives it, asking the runtime only of
    /// the types whose answer may vary from value to value (see ``Traits/isAskedEachTime``).
    private mutating func bool(_ value: Any) -> Bool? {
        if Swift.type(of: value) == Bool.self { return Self.opened(value, as: Bool.self) }
        if Self.isPlain(value) || !traits(of: value).isAskedEachTime { return nil }
        return value as? Bool
    }

    // MARK: - Text

    /// What swift-mustache prints: a custom rendering, else the value described (an optional
    /// one level unwrapped), a bridged number as a number.
    private mutating func text(of value: Any) -> String {
        let type = Swift.type(of: value)
        if type == String.self { return Self.opened(value, as: String.self) }
        if type == Bool.self { return String(describing: Self.opened(value, as: Bool.self)) }
        if type == Int.self { return String(Self.opened(value, as: Int.self)) }
        if let renderable = traits(of: value).renderable(of: value) { return renderable.renderText }
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
