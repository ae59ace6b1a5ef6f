import Foundation

/// Kept beside the bundle (`<out>/build-manifest.tsv`, never under `public/` or
/// `private/`): the fingerprint each part of the bundle was rendered from and its
/// files, so that the next build can keep a part whose inputs did not change.
/// One line per part: `public` for the public site, a token for a patron folder.
/// The bundle root is not published; only `public/` and `private/` are.
struct BuildManifest: Sendable {
    static let fileName = "build-manifest.tsv"
    static let header = "# mediatheque build manifest 3: part<TAB>fingerprint<TAB>files (|-separated)"
    /// The key of the public site's line (tokens are hexadecimal, so it cannot be one).
    static let publicSite = "public"

    struct Folder: Hashable, Sendable {
        var digest: String
        /// The folder's files, relative to it and `|`-separated (one string per folder keeps
        /// the manifest small in memory), so that keeping it needs no directory walk.
        var fileList: String

        init(digest: String, files: [String]) {
            self.digest = digest
            fileList = files.joined(separator: "|")
        }

        init(digest: String, fileList: String) {
            self.digest = digest
            self.fileList = fileList
        }

        var files: [String] { fileList.split(separator: "|").map(String.init) }

        func line(_ key: String) -> String { "\(key)\t\(digest)\t\(fileList)\n" }
    }

    var folders: [String: Folder] = [:]
    /// The salt of the build that wrote it (``FolderFingerprint``): when it differs from
    /// this build's, no folder can be kept, and patrons are read and rendered in one pass.
    var salt: String?

    init(folders: [String: Folder] = [:]) { self.folders = folders }

    static func saltLine(_ salt: String) -> String { "# salt \(salt)\n" }

    /// The manifest of the bundle published at `bundle`, or an empty one.
    init(publishedAt bundle: URL) {
        guard let data = FileManager.default.contents(atPath: bundle.appendingPathComponent(Self.fileName).path),
              let text = String(data: data, encoding: .utf8), text.hasPrefix(Self.header) else { return }
        for line in text.split(separator: "\n").dropFirst() {
            if line.hasPrefix("# salt ") { salt = String(line.dropFirst("# salt ".count)) }
            let fields = line.split(separator: "\t")
            if fields.count == 3 {
                folders[String(fields[0])] = Folder(digest: String(fields[1]), fileList: String(fields[2]))
            }
        }
    }
}

/// Writes the manifest into the staging folder as the parts are done, in the order
/// they were read (patron folders finish out of order on several threads): the
/// manifest is never held whole in memory, and the same inputs give the same bytes.
final class ManifestWriter: @unchecked Sendable {
    private let lock = NSLock()
    private let file: UnsafeMutablePointer<FILE>
    let path: String
    /// Lines that finished before an earlier one, by position; a few at most.
    private var waiting: [Int: String] = [:]
    private var next = 0
    private var closed = false

    init(path: String, salt: String) throws {
        guard let file = fopen(path, "w") else {
            throw OutputError(path: path, message: "cannot write (\(String(cString: strerror(errno))))")
        }
        self.file = file
        self.path = path
        fputs(BuildManifest.header + "\n" + BuildManifest.saltLine(salt), file)
    }

    /// Writes the public site's line (before any patron folder).
    func recordPublicSite(_ folder: BuildManifest.Folder) {
        lock.lock()
        fputs(folder.line(BuildManifest.publicSite), file)
        lock.unlock()
    }

    /// Records the patron folder read at `position` (0, 1, 2… in reading order).
    func record(position: Int, token: String, folder: BuildManifest.Folder) {
        lock.lock()
        defer { lock.unlock() }
        waiting[position] = folder.line(token)
        while let line = waiting.removeValue(forKey: next) {
            fputs(line, file)
            next += 1
        }
    }

    /// Notes that the part read at `position` has no line (it is recorded later, at another position).
    func skip(position: Int) {
        lock.lock()
        defer { lock.unlock() }
        waiting[position] = ""
        while let line = waiting.removeValue(forKey: next) {
            fputs(line, file)
            next += 1
        }
    }

    /// Closes the file.
    /// - Throws: ``OutputError`` when a line could not be written.
    func finish() throws {
        lock.lock()
        defer { lock.unlock() }
        let failed = ferror(file) != 0 || !waiting.isEmpty
        closed = true
        if fclose(file) != 0 || failed {
            throw OutputError(path: path, message: "cannot write the build manifest")
        }
    }

    deinit { if !closed { fclose(file) } }
}
