import Foundation
import Mustache

extension TemplateRenderer {
    /// What a type conforms to among Mustache's protocols, asked of the runtime once per
    /// renderer (a worker's): each such question costs more than the lookups it serves.
    /// Each conformance comes as a cast to the concrete type, which the runtime answers at once.
    /// A class: a lookup hands out one reference, not a copy of four closures.
    final class Traits {
        private(set) var representation: ((Any) -> any MustacheCustomRepresentation)?
        private(set) var parent: ((Any) -> any MustacheParent)?
        private(set) var sequence: ((Any) -> any MustacheSequence)?
        private(set) var renderable: ((Any) -> any MustacheCustomRenderable)?
        let isOptional: Bool

        /// Whether `as?` may answer differently for two values of the type: an optional (some
        /// or none) or a Foundation object (bridged to `String` or `Bool`, or not).
        let isAskedEachTime: Bool

        init(of value: Any) {
            isOptional = Mirror(reflecting: value).displayStyle == .optional
            isAskedEachTime = isOptional || value is NSObject || Swift.type(of: value) == AnyHashable.self
            if let value = value as? any MustacheCustomRepresentation { representation = Self.cast(value) }
            if let value = value as? any MustacheParent { parent = Self.cast(value) }
            if let value = value as? any MustacheSequence { sequence = Self.cast(value) }
            if let value = value as? any MustacheCustomRenderable { renderable = Self.cast(value) }
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
