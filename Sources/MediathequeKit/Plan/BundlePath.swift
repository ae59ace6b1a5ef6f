/// A path inside the bundle, relative and checked: no `..`, no empty or hidden
/// segment, no absolute path. Names from the inputs never become paths unchecked.
public struct BundlePath: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let value: String

    /// - Throws: ``RenderError`` when `value` could escape the bundle.
    public init(_ value: String) throws {
        guard Self.isSafe(value) else { throw RenderError(.unsafePath(value)) }
        self.value = value
    }

    private init(checked value: String) { self.value = value }

    /// Segments of 1 to 200 bytes of `[A-Za-z0-9._-]`, none starting with a dot. Checked
    /// a byte at a time: every file of the bundle goes through here.
    static func isSafe(_ value: String) -> Bool {
        var length = 0
        for byte in value.utf8 {
            if byte == UInt8(ascii: "/") {
                guard length > 0 else { return false }
                length = 0
                continue
            }
            guard allowed(byte), length > 0 || byte != UInt8(ascii: "."), length < 200 else { return false }
            length += 1
        }
        return length > 0
    }

    /// Whether a path segment may hold `scalar`.
    static func allows(_ scalar: Unicode.Scalar) -> Bool { scalar.isASCII && allowed(UInt8(scalar.value)) }

    private static func allowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."): true
        default: false
        }
    }

    /// `component` (one segment or more) below this path.
    public func appending(_ component: String) throws -> BundlePath {
        guard Self.isSafe(component) else { throw RenderError(.unsafePath(value + "/" + component)) }
        return BundlePath(checked: value + "/" + component)
    }

    public var description: String { value }
    public static func < (a: BundlePath, b: BundlePath) -> Bool { a.value < b.value }
}

/// A file of the bundle, rendered and ready to write.
public struct RenderedFile: Sendable {
    public var path: BundlePath
    public var bytes: [UInt8]

    public init(path: BundlePath, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: BundlePath, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}
