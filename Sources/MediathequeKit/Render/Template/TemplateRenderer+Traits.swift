import Foundation
import Mustache

extension TemplateRenderer {
    /// What a type conforms to among Mustache's protocols, asked of the runtime once per
    /// renderer (a worker's): each such question costs more than the lookups it serves.
    /// Each conformance comes as a cast to the concrete type, which the runtime answers at once.
    /// A class: a lookup hands out one reference, not a copy of four closures.
    ///
    /// For a type whose values may answer differently (``isAskedEachTime``: an optional is
    /// cast as what it holds, or fails when it holds nothing), each value is asked itself.
    final class Traits {
        private var representationCast: ((Any) -> any MustacheCustomRepresentation)?
        private var parentCast: ((Any) -> any MustacheParent)?
        private var sequenceCast: ((Any) -> any MustacheSequence)?
        private var renderableCast: ((Any) -> any MustacheCustomRenderable)?
        private let swiftMustacheOnly: Bool
        let isOptional: Bool

        /// Whether casts may answer differently for two values of the type: an optional (some
        /// or none), a Foundation object (bridged or not) or an `AnyHashable` (what it holds).
        let isAskedEachTime: Bool

        init(of value: Any) {
            isOptional = Mirror(reflecting: value).displayStyle == .optional
            isAskedEachTime = isOptional || value is NSObject || Swift.type(of: value) == AnyHashable.self
            swiftMustacheOnly = !isOptional && Self.isSwiftMustacheOnly(value)
            guard !isAskedEachTime else { return }
            if let value = value as? any MustacheCustomRepresentation { representationCast = Self.cast(value) }
            if let value = value as? any MustacheParent { parentCast = Self.cast(value) }
            if let value = value as? any MustacheSequence { sequenceCast = Self.cast(value) }
            if let value = value as? any MustacheCustomRenderable { renderableCast = Self.cast(value) }
        }

        /// Whether `value` (of this type) is one that swift-mustache renders otherwise than
        /// the rules ``TemplateRenderer`` follows: it calls a lambda (in a variable, a section
        /// or a dotted name) and renders a template held in a variable. (Neither is a Foundation
        /// object or hashable: of the types asked each time, only an optional may hold one.)
        func isSwiftMustacheOnly(_ value: Any) -> Bool {
            isOptional ? Self.isSwiftMustacheOnly(value) : swiftMustacheOnly
        }

        private static func isSwiftMustacheOnly(_ value: Any) -> Bool {
            value is MustacheLambda || value is MustacheTemplate
        }

        /// `value` (of this type) as a ``MustacheCustomRepresentation``, if it is one.
        func representation(of value: Any) -> (any MustacheCustomRepresentation)? {
            isAskedEachTime ? value as? any MustacheCustomRepresentation : representationCast?(value)
        }

        func parent(of value: Any) -> (any MustacheParent)? {
            isAskedEachTime ? value as? any MustacheParent : parentCast?(value)
        }

        func sequence(of value: Any) -> (any MustacheSequence)? {
            isAskedEachTime ? value as? any MustacheSequence : sequenceCast?(value)
        }

        func renderable(of value: Any) -> (any MustacheCustomRenderable)? {
            isAskedEachTime ? value as? any MustacheCustomRenderable : renderableCast?(value)
        }

        private static func cast<T: MustacheCustomRepresentation>(_: T) -> (Any) -> any MustacheCustomRepresentation { { opened($0, as: T.self) } }
        private static func cast<T: MustacheParent>(_: T) -> (Any) -> any MustacheParent { { opened($0, as: T.self) } }
        private static func cast<T: MustacheSequence>(_: T) -> (Any) -> any MustacheSequence { { opened($0, as: T.self) } }
        private static func cast<T: MustacheCustomRenderable>(_: T) -> (Any) -> any MustacheCustomRenderable { { opened($0, as: T.self) } }
    }

    /// `value` as a `T`, when it holds one (or, as `as!` allows, an optional holding one).
    ///
    /// Opened before it is cast: from `Any`, the runtime's cast first looks through the box,
    /// optionals and bridging, a fifth of the renderer's time; from the type itself to the
    /// same type it is a copy.
    static func opened<T>(_ value: Any, as _: T.Type) -> T {
        func cast<Opened>(_ opened: Opened) -> T { opened as! T }
        return _openExistential(value, do: cast)
    }

    /// The traits of each type a renderer met, by type: an open-addressing table hashed by the
    /// type's address. A `Dictionary` hashes each key with a seeded SipHash, which cost more than
    /// the rest of a lookup; a renderer meets a few dozen types, asked about hundreds of
    /// thousands of times.
    struct TraitsTable {
        private var slots = [(type: ObjectIdentifier, traits: Traits)?](repeating: nil, count: 64)
        private var count = 0

        subscript(type: ObjectIdentifier) -> Traits? {
            var index = slot(of: type)
            while let entry = slots[index] {
                if entry.type == type { return entry.traits }
                index = (index + 1) & (slots.count - 1)
            }
            return nil
        }

        mutating func insert(_ traits: Traits, for type: ObjectIdentifier) {
            if 2 * (count + 1) > slots.count {
                let entries = slots.compactMap { $0 }
                slots = Array(repeating: nil, count: 2 * slots.count)
                count = 0
                for entry in entries { insert(entry.traits, for: entry.type) }
            }
            var index = slot(of: type)
            while slots[index] != nil { index = (index + 1) & (slots.count - 1) }
            slots[index] = (type, traits)
            count += 1
        }

        /// Type metadata are aligned to 16 bytes at least: the bits above those.
        private func slot(of type: ObjectIdentifier) -> Int {
            Int(truncatingIfNeeded: UInt(bitPattern: type) >> 4) & (slots.count - 1)
        }
    }
}
