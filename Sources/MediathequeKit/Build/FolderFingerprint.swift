import CSupport
@preconcurrency import Crypto
import Foundation
import GRDBSQLite

/// What a patron's folder is made from, digested: when it equals the digest the
/// previous build recorded, the folder's files are the same bytes and are kept
/// (hard-linked) instead of rendered again.
///
/// It covers the patron's rows and those of the accounts shared with them (as
/// SQLite holds them, each document they show by its digest), the folder's token, the build's salt
/// (configuration, templates, libraries, the program itself; not the date: see
/// ``FolderHorizon`` for how long a folder stays the same from one day to the next),
/// and the inputs their pages read beyond their own rows: the agenda (the sessions they
/// registered for, and all of it for agenda searches: ``AgendaDigests``) and, for each
/// catalogue search, what it shows (``CatalogueSearchDigests``).
struct FolderFingerprint: Sendable {
    let salt: [UInt8]
    let agenda: AgendaDigests
    let catalogue: CatalogueSearchDigests
    /// What a patron's rows are digested with for the documents they show.
    let documents: DocumentDigests

    /// A folder's fingerprint, and those of its parts (``PrivateFolderLayout/Part``) that read less.
    struct Digests: Hashable, Sendable {
        /// What every file of the folder is made from: its rows, and what its searches show.
        var folder: String
        /// What its files but the searches' are made from: the rows and the sessions
        /// registered for, not the agenda and catalogue its searches match.
        var rows: String
        /// What its summary is made from: the rows it shows and the sessions registered for.
        var summary: String
    }

    /// The folder's fingerprints from the digest of its rows (``RowDigest``).
    /// - Throws: what the catalogue throws.
    func digests(of rows: RowDigest, token: String) throws -> Digests {
        var own = SHA256(), summary = SHA256()
        for part in [salt, Array(token.utf8)] {
            own.update(data: part)
            summary.update(data: part)
        }
        own.update(data: rows.finalize())
        summary.update(data: rows.finalizeSummary())
        for session in rows.registeredSessions {
            own.update(data: agenda.session(session))
            summary.update(data: agenda.session(session))
        }
        let rowsDigest = Array(own.finalize())
        var hash = SHA256()
        hash.update(data: rowsDigest)
        if rows.readsAgenda { hash.update(data: agenda.searches) }
        for criteria in rows.catalogueSearches { hash.update(data: try catalogue.digest(of: criteria)) }
        return Digests(folder: hash.finalize().lowercaseHex, rows: rowsDigest.lowercaseHex, summary: summary.finalize().lowercaseHex)
    }

    /// What every part of the bundle is rendered with: the program, the configuration,
    /// the templates and the libraries, digested once per build. Not the date: the public
    /// site's fingerprint adds it, and a patron folder says how long it stays the same.
    /// - Parameters:
    ///   - documents: whether folders get their documents (the summary PDF), and `pagesOnly`
    ///     whether they get their HTML pages alone: a folder kept from a build without its
    ///     documents or its other files would lack them.
    ///   - timeZone: the agenda's (calendars name it, and stamp loans and holds in it).
    ///   - documentIdentity: what the documents are made with beyond the inputs (their fonts).
    static func salt(config: SiteConfiguration, templates: TemplateSet, libraries: [String: Library], timeZone: String,
                     documents: Bool, pagesOnly: Bool, documentIdentity: [UInt8]) -> [UInt8] {
        var salt: [[UInt8]] = [programDigest, Array("\(config)".utf8), Array(timeZone.utf8), [documents ? 1 : 0, pagesOnly ? 1 : 0]]
        if documents { salt.append(documentIdentity) }
        salt += templates.sources.flatMap { [Array($0.name.utf8), $0.bytes] }
        salt += libraryLines(libraries)
        return digest(salt)
    }

    /// The agenda as the public pages see it: the feed's bytes and the confirmed registrations.
    static func agendaDigest(_ feedBytes: Data, confirmed: [SessionKey: Int]) -> [UInt8] {
        let counts = confirmed.map { "\($0.key.eventID)\u{1F}\($0.key.sessionID)\u{1F}\($0.value)" }.sorted()
        return digest([[UInt8](feedBytes)] + counts.map { Array($0.utf8) })
    }

    /// The public site's fingerprint: beyond the salt, it reads the date, the agenda, the assets,
    /// and the search (Pagefind's version, or none).
    static func publicDigest(salt: [UInt8], today: Day, agenda: [UInt8], assets: URL, search: String) -> String {
        digest([salt, Array(today.iso.utf8), agenda, Array(search.utf8)] + folderBytes(assets)).lowercaseHex
    }

    /// The libraries, one line each in code order: every page names them.
    static func libraryLines(_ libraries: [String: Library]) -> [[UInt8]] {
        libraries.keys.sorted().map { code in
            let library = libraries[code]!
            return Array([library.code, library.name, library.address ?? "\u{0}", library.phone ?? "\u{0}"]
                .joined(separator: "\u{1F}").utf8)
        }
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
        var files: [(path: String, bytes: [UInt8])] = []
        for case let relative as String in walker {
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(relative).path) else { continue }
            files.append((relative, [UInt8](data)))
        }
        // Each path stays next to its own bytes: two files swapping contents is a change.
        return files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }.flatMap { [Array($0.path.utf8), $0.bytes] }
    }

    /// The running program's identity, and that of every library it loaded (SQLite, cairo,
    /// pango…): a new build of the tool, or an upgraded library, renders everything anew.
    /// Build ids are read from memory; without the program's, its file is hashed.
    static let programDigest: [UInt8] = {
        var ids = [UInt8](repeating: 0, count: 16 * 1024)
        let length = Int(mq_build_ids(&ids, Int32(ids.count)))
        var hash = SHA256()
        hash.update(data: ids[..<length])
        hash.update(data: Array(String(cString: sqlite3_libversion()).utf8))
        if length < 2 || ids[0] == 0, let data = FileManager.default.contents(atPath: "/proc/self/exe") {
            hash.update(data: data)
        }
        return Array(hash.finalize())
    }()
}
