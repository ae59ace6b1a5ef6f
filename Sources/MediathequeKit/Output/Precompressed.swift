import CSupport
import Glibc

/// The `.gz` sibling the build writes next to each text file over 1 KB, for a server
/// that sends it as it is to a client accepting gzip (nginx's `gzip_static`, Caddy's
/// `precompressed`): docs/deploy.md. It decompresses to exactly the file's bytes and
/// has the file's modification time; the same bytes always give the same sibling.
enum Precompressed {
    static let suffix = ".gz"
    /// Below this, the saving is lost in the response's headers.
    static let minimumSize = 1024
    /// Text formats, each compressible; PDFs and images are compressed already.
    static let extensions: Set<Substring> = ["html", "css", "js", "rss", "json", "svg", "xml", "ics"]

    /// Whether `file` gets a sibling.
    static func wants(_ file: RenderedFile) -> Bool {
        guard file.bytes.count > minimumSize, let dot = file.path.value.lastIndex(of: ".") else { return false }
        return extensions.contains(file.path.value[file.path.value.index(after: dot)...])
    }

    /// `name` (a path) and its sibling's when `file` gets one, as the manifest lists them.
    static func names(_ name: String, of file: RenderedFile) -> [String] {
        wants(file) ? [name, name + suffix] : [name]
    }

    /// The file a listed name is the sibling of, or the name itself.
    static func original(of name: String) -> Substring {
        name.hasSuffix(suffix) ? name.dropLast(suffix.count) : Substring(name)
    }

    /// `bytes` as a gzip file.
    static func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let capacity = mq_gzip_bound(bytes.count)
        let compressed = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            count = bytes.withUnsafeBufferPointer { mq_gzip($0.baseAddress, $0.count, buffer.baseAddress, capacity) }
        }
        guard !compressed.isEmpty else { throw FileTree.POSIXFailure(errno: ENOMEM) }
        return compressed
    }
}
