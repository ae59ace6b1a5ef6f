@preconcurrency import Crypto

/// An `Encoder` that feeds a value's fields straight into SHA-256, with no JSON in
/// between: the fingerprint of a patron folder is taken for every patron on every
/// build, and JSONEncoder was a third of a rebuild's time. Keys and lengths are
/// hashed with the values, so two different values cannot run together.
final class DigestEncoder: Encoder {
    private(set) var hash = SHA256()
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    static func digest(of value: some Encodable) throws -> SHA256Digest {
        let encoder = DigestEncoder()
        try value.encode(to: encoder)
        return encoder.hash.finalize()
    }

    func update(_ tag: UInt8, _ bytes: some Sequence<UInt8>) {
        let array = Array(bytes)
        var header = [tag]
        withUnsafeBytes(of: UInt32(array.count).littleEndian) { header += $0 }
        hash.update(data: header)
        hash.update(data: array)
    }

    func update(_ tag: UInt8, _ text: String) { update(tag, text.utf8) }

    func update(_ tag: UInt8, integer: Int64) { withUnsafeBytes(of: integer.littleEndian) { update(tag, $0) } }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        update(0x7B, "")
        return KeyedEncodingContainer(Keyed<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        update(0x5B, "")
        return Unkeyed(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { Single(encoder: self) }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let encoder: DigestEncoder
        var codingPath: [any CodingKey] { encoder.codingPath }

        mutating func encodeNil(forKey key: Key) throws { encoder.update(0x6B, key.stringValue); encoder.update(0x00, "") }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            encoder.update(0x6B, key.stringValue)
            var single = Single(encoder: encoder)
            try single.encode(value)
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            encoder.update(0x6B, key.stringValue)
            return encoder.container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            encoder.update(0x6B, key.stringValue)
            return encoder.unkeyedContainer()
        }
        mutating func superEncoder() -> any Encoder { encoder }
        mutating func superEncoder(forKey key: Key) -> any Encoder { encoder.update(0x6B, key.stringValue); return encoder }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let encoder: DigestEncoder
        var codingPath: [any CodingKey] { encoder.codingPath }
        var count = 0

        mutating func encodeNil() throws { count += 1; encoder.update(0x00, "") }
        mutating func encode<T: Encodable>(_ value: T) throws {
            count += 1
            var single = Single(encoder: encoder)
            try single.encode(value)
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            count += 1
            return encoder.container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { count += 1; return encoder.unkeyedContainer() }
        mutating func superEncoder() -> any Encoder { encoder }
    }

    struct Single: SingleValueEncodingContainer {
        let encoder: DigestEncoder
        var codingPath: [any CodingKey] { encoder.codingPath }

        mutating func encodeNil() throws { encoder.update(0x00, "") }
        mutating func encode(_ value: Bool) throws { encoder.update(0x62, value ? "1" : "0") }
        mutating func encode(_ value: String) throws { encoder.update(0x73, value) }
        mutating func encode(_ value: Double) throws { encoder.update(0x64, integer: Int64(bitPattern: value.bitPattern)) }
        mutating func encode(_ value: Float) throws { try encode(Double(value)) }
        mutating func encode(_ value: Int) throws { encoder.update(0x69, integer: Int64(value)) }
        mutating func encode(_ value: Int8) throws { try encode(Int(value)) }
        mutating func encode(_ value: Int16) throws { try encode(Int(value)) }
        mutating func encode(_ value: Int32) throws { try encode(Int(value)) }
        mutating func encode(_ value: Int64) throws { encoder.update(0x69, integer: value) }
        mutating func encode(_ value: UInt) throws { encoder.update(0x75, integer: Int64(bitPattern: UInt64(value))) }
        mutating func encode(_ value: UInt8) throws { try encode(UInt(value)) }
        mutating func encode(_ value: UInt16) throws { try encode(UInt(value)) }
        mutating func encode(_ value: UInt32) throws { try encode(UInt(value)) }
        mutating func encode(_ value: UInt64) throws { encoder.update(0x75, integer: Int64(bitPattern: value)) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            switch value {
            case let string as String: try encode(string)
            case let int as Int: try encode(int)
            case let int as Int64: try encode(int)
            case let bool as Bool: try encode(bool)
            default: try value.encode(to: encoder)
            }
        }
    }
}
