/// A path inside the bundle, relative and checked: no `..`, no empty or hidden
/// segment, no absolute path. Names from the inputs never become paths unchecked.
public struct BundlePath: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let value: String

    /// - Throws: ``RenderError`` when `value` could escape the bundle.
    public init(_ value: String) throws {
        let segments = value.split(separator: "/", omittingEmptySubsequences: false)
        let safe = !value.isEmpty && segments.allSatisfy { segment in
            !segment.isEmpty && !segment.hasPrefix(".") && segment.utf8.count <= 200
                && segment.unicodeScalars.allSatisfy { BundlePath.allowed.contains($0) }
        }
        guard safe else { throw RenderError(.unsafePath(value)) }
        self.value = value
    }

    static let allowed: Set<Unicode.Scalar> = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.".unicodeScalars)

    public func appending(_ component: String) throws -> BundlePath { try BundlePath(value + "/" + component) }

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
