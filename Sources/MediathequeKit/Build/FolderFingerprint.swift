import CSupport
@preconcurrency import Crypto
import Foundation

/// What a patron's folder is made from, digested: when it equals the digest the
/// previous build recorded, the folder's files are the same bytes and are kept
/// (hard-linked) instead of rendered again.
///
/// It covers the patron's rows and those of the accounts shared with them (as
/// SQLite holds them, documents joined), the folder's token, the build's salt
/// (reference date, configuration, templates, libraries, the program itself),
/// and the inputs their pages read beyond their own rows: the agenda (for
/// registrations and saved searches) and the catalogue (for saved searches).
struct FolderFingerprint: Sendable {
    let salt: [UInt8]
    let agenda: [UInt8]
    let catalogue: [UInt8]

    /// The folder's fingerprint from the digest of its rows (``RowDigest``).
    func digest(of rows: RowDigest, token: String) -> String {
        var hash = SHA256()
        hash.update(data: salt)
        hash.update(data: Array(token.utf8))
        hash.update(data: rows.finalize())
        if rows.readsAgenda { hash.update(data: agenda) }
        if rows.readsCatalogue { hash.update(data: catalogue) }
        return Self.hex(hash.finalize())
    }

    /// The public site's fingerprint: beyond the salt, it reads the agenda and the assets.
    static func publicDigest(salt: [UInt8], agenda: [UInt8], assets: URL) -> String {
        hex(digest([salt, agenda] + folderBytes(assets)))
    }

    /// The libraries, one line each in code order: every page names them.
    static func libraryLines(_ libraries: [String: Library]) -> [[UInt8]] {
        libraries.keys.sorted().map { code in
            let library = libraries[code]!
            return Array([library.code, library.name, library.address ?? "\u{0}", library.phone ?? "\u{0}"]
                .joined(separator: "\u{1F}").utf8)
        }
    }

    static func hex(_ digest: some Sequence<UInt8>) -> String {
        digest.map { $0 < 16 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    static func digest(_ parts: [[UInt8]]) -> [UInt8] {
        var hash = SHA256()
        for part in parts {
            hash.update(data: withUnsafeBytes(of: UInt64(part.count).littleEndian, Array.init))
            hash.update(data: part)
        }
        return Array(hash.finalize())
    }

    /// The bytes of every file below `directory`, by relative path, for the salt.
    static func folderBytes(_ directory: URL) -> [[UInt8]] {
        guard let walker = FileManager.default.enumerator(atPath: directory.path) else { return [] }
        var parts: [[UInt8]] = []
        for case let relative as String in walker {
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(relative).path) else { continue }
            parts.append(Array(relative.utf8))
            parts.append([UInt8](data))
        }
        return parts.sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// The running program's identity: a new build of the tool renders everything anew.
    /// The linker's build id when there is one (read from memory), else the bytes of the file.
    static let programDigest: [UInt8] = {
        var id = [UInt8](repeating: 0, count: 64)
        let length = Int(mq_build_id(&id, Int32(id.count)))
        if length >= 16 { return Array(SHA256.hash(data: id[..<length])) }
        guard let data = FileManager.default.contents(atPath: "/proc/self/exe") else { return Array("unknown".utf8) }
        return Array(SHA256.hash(data: data))
    }()
}
