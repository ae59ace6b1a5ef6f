@preconcurrency import Crypto
import Foundation

/// What a patron's folder is made from, digested: when it equals the digest the
/// previous build recorded, the folder's files are the same bytes and are kept
/// (hard-linked) instead of rendered again.
///
/// It covers the patron's rows and those of the accounts shared with them, the
/// folder's token, the build's salt (reference date, configuration, templates,
/// the program itself), and the inputs their pages read beyond their own rows:
/// the agenda (for registrations and agenda searches) and the catalogue (for
/// catalogue searches).
struct FolderFingerprint: Sendable {
    let salt: [UInt8]
    let agenda: [UInt8]
    let catalogue: [UInt8]

    func digest(of bundle: PatronBundle, token: String) throws -> String {
        var hash = SHA256()
        hash.update(data: salt)
        hash.update(data: Array(token.utf8))
        hash.update(data: Array(try DigestEncoder.digest(of: bundle)))
        let searches = bundle.own.searches.filter(\.active)
        if bundle.accounts.contains(where: { !$0.registrations.isEmpty }) || searches.contains(where: { $0.scope == .agenda }) {
            hash.update(data: agenda)
        }
        if searches.contains(where: { $0.scope == .catalogue }) { hash.update(data: catalogue) }
        return Self.hex(hash.finalize())
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

    /// The running program's own bytes: a new build of the tool renders everything anew.
    static let programDigest: [UInt8] = {
        guard let data = FileManager.default.contents(atPath: "/proc/self/exe") else { return Array("unknown".utf8) }
        return Array(SHA256.hash(data: data))
    }()
}
