import Foundation

/// Kept beside the bundle (`<out>/build-manifest.tsv`, never under `public/` or
/// `private/`): the fingerprint each part of the bundle was rendered from and its
/// files, so that the next build can keep a part whose inputs did not change.
/// One line per part: `public` for the public site, a token for a patron folder.
/// The bundle root is not published; only `public/` and `private/` are.
struct BuildManifest: Sendable {
    static let fileName = "build-manifest.tsv"
    static let header = "# mediatheque build manifest 4: part<TAB>fingerprint<TAB>files (|-separated)<TAB>rendered on<TAB>changes on"
    /// The key of the public site's line (tokens are hexadecimal, so it cannot be one).
    static let publicSite = "public"

    struct Folder: Hashable, Sendable {
        var digest: String
        /// The folder's files, relative to it and `|`-separated (one string per folder keeps
        /// the manifest small in memory), so that keeping it needs no directory walk.
        var fileList: String
        /// The date its files were rendered for.
        var renderedOn: Day
        /// The first day on which its undated files would read differently from the same
        /// inputs (``FolderHorizon``); `nil` for never.
        var changesOn: Day?

        init(digest: String, files: [String], renderedOn: Day, changesOn: Day?) {
            self.init(digest: digest, fileList: files.joined(separator: "|"), renderedOn: renderedOn, changesOn: changesOn)
        }

        init(digest: String, fileList: String, renderedOn: Day, changesOn: Day?) {
            self.digest = digest
            self.fileList = fileList
            self.renderedOn = renderedOn
            self.changesOn = changesOn
        }

        var files: [String] { fileList.split(separator: "|").map(String.init) }

        /// Whether its undated files are still what a build for `today` renders from the same inputs.
        func isCurrent(on today: Day) -> Bool {
            renderedOn <= today && changesOn.map { today < $0 } ?? true
        }

        func line(_ key: String) -> String { "\(key)\t\(digest)\t\(fileList)\t\(renderedOn.iso)\t\(changesOn?.iso ?? "-")\n" }
    }

    static func saltLines(_ salt: String, date: Day) -> String { "# salt \(salt)\n# date \(date.iso)\n" }
}

/// The published bundle's manifest, looked up in place rather than loaded: an index of
/// sixteen bytes per part (a hash of its key, the offset of its line) over the file, so
/// that a rebuild's memory does not grow with the number of patrons.
final class PublishedManifest: @unchecked Sendable {
    /// The salt of the build that wrote it (``FolderFingerprint``): when it differs from
    /// this build's, no folder can be kept, and patrons are read and rendered in one pass.
    private(set) var salt: String?
    /// The date of that build: its dated files (``PrivateFolderLayout/datedFiles``) are for that day.
    private(set) var date: Day?
    private let file: Int32
    /// (hash of the key, offset of the line), by hash.
    private var index: [(key: UInt64, offset: Int)] = []

    /// The manifest kept beside the bundle published at `bundle`; an empty one when there
    /// is none or it is of another version.
    init(publishedAt bundle: URL) {
        file = open(bundle.appendingPathComponent(BuildManifest.fileName).path, O_RDONLY | O_CLOEXEC)
        guard file >= 0, let stream = fdopen(dup(file), "r") else { return }
        defer { fclose(stream) }
        var line: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(line) }
        var offset = 0
        var first = true
        while true {
            let length = getline(&line, &capacity, stream)
            guard length > 0, let text = line else { break }
            defer { offset += length; first = false }
            let bytes = UnsafeRawBufferPointer(start: text, count: length)
            if first {
                guard String(decoding: bytes, as: UTF8.self) == BuildManifest.header + "\n" else { return }
                continue
            }
            if bytes.first == UInt8(ascii: "#") {
                let comment = String(decoding: bytes.dropLast(), as: UTF8.self)
                if comment.hasPrefix("# salt ") { salt = String(comment.dropFirst("# salt ".count)) }
                if comment.hasPrefix("# date ") { date = Day(iso: comment.dropFirst("# date ".count)) }
                continue
            }
            guard let tab = bytes.firstIndex(of: UInt8(ascii: "\t")) else { continue }
            index.append((Self.hash(UnsafeRawBufferPointer(rebasing: bytes[..<tab])), offset))
        }
        index.sort { $0.key < $1.key }
    }

    deinit { if file >= 0 { close(file) } }

    /// The part recorded under `key` (a token, or ``BuildManifest/publicSite``).
    func folder(_ key: String) -> BuildManifest.Folder? {
        var key = key
        return key.withUTF8 { wanted -> BuildManifest.Folder? in
            for offset in offsets(of: wanted) {
                if let fields = line(at: offset), fields.count == 5, fields[0].elementsEqual(wanted) {
                    return Self.folder(fields)
                }
            }
            return nil
        }
    }

    /// The offsets of the lines whose key hashes as `key` does.
    private func offsets(of key: UnsafeBufferPointer<UInt8>) -> [Int] {
        let hash = Self.hash(UnsafeRawBufferPointer(key))
        var low = 0, high = index.count
        while low < high {
            let middle = (low + high) / 2
            if index[middle].key < hash { low = middle + 1 } else { high = middle }
        }
        var offsets: [Int] = []
        while low < index.count && index[low].key == hash {
            offsets.append(index[low].offset)
            low += 1
        }
        return offsets
    }

    /// Whether a line is recorded under `key`: its first field only is read.
    func contains(_ key: String) -> Bool {
        var key = key
        return key.withUTF8 { wanted -> Bool in
            var buffer = [UInt8](repeating: 0, count: wanted.count + 1)
            return offsets(of: wanted).contains { offset in
                let count = buffer.withUnsafeMutableBytes { pread(file, $0.baseAddress, $0.count, off_t(offset)) }
                return count == buffer.count && buffer.last == UInt8(ascii: "\t") && buffer.dropLast().elementsEqual(wanted)
            }
        }
    }

    /// A line's folder; `nil` (rendered again) when a day does not read as one: a damaged
    /// "changes on" must not pass for "never".
    private static func folder(_ fields: [ArraySlice<UInt8>]) -> BuildManifest.Folder? {
        let changes = String(decoding: fields[4], as: UTF8.self)
        guard let renderedOn = Day(iso: String(decoding: fields[3], as: UTF8.self)) else { return nil }
        let changesOn = Day(iso: changes)
        guard changesOn != nil || changes == "-" else { return nil }
        return BuildManifest.Folder(digest: String(decoding: fields[1], as: UTF8.self),
                                    fileList: String(decoding: fields[2], as: UTF8.self),
                                    renderedOn: renderedOn, changesOn: changesOn)
    }

    /// The tab-separated fields of the line at `offset`.
    private func line(at offset: Int) -> [ArraySlice<UInt8>]? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { pread(file, $0.baseAddress, $0.count, off_t(offset)) }
            guard count > 0 else { return nil }
            if let end = buffer[..<count].firstIndex(of: UInt8(ascii: "\n")) {
                return buffer[..<end].split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
            }
            guard count == buffer.count else { return nil } // a last line without its end: cut short
            buffer = [UInt8](repeating: 0, count: buffer.count * 2)
        }
    }

    /// FNV-1a, 64 bits: collisions only cost a second look.
    private static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}

/// Writes the manifest into the staging folder as the parts are done, in the order
/// they were handed out (patron folders finish out of order on several threads): the
/// manifest is never held whole in memory. A rebuild lists the folders it kept, then
/// those it rendered, each in card order.
final class ManifestWriter: @unchecked Sendable {
    private let lock = NSCondition()
    private let file: UnsafeMutablePointer<FILE>
    let path: String
    /// Lines that finished before an earlier one, by position; at most `window` of them.
    private var waiting: [Int: String] = [:]
    private var next = 0
    private var closed = false
    private var abandoned = false
    /// How far ahead of the oldest unfinished folder work may be handed out.
    static let window = 512

    /// - Parameter header: the build's salt and date, for the header; `nil` for a part
    ///   written apart (``append(_:)``), with no header.
    init(path: String, header: (salt: String, date: Day)?) throws {
        // A new file, never one opened for writing in place: a file of the staging folder may
        // be a link to a published one.
        let fd = StagedBundle.openNew(path)
        guard fd >= 0, let file = fdopen(fd, "w") else {
            let reason = String(cString: strerror(errno))
            if fd >= 0 { close(fd) }
            throw OutputError(path: path, message: "cannot write (\(reason))")
        }
        self.file = file
        self.path = path
        if let header { fputs(BuildManifest.header + "\n" + BuildManifest.saltLines(header.salt, date: header.date), file) }
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
        flush()
    }

    private func flush() {
        while let line = waiting.removeValue(forKey: next) {
            fputs(line, file)
            next += 1
        }
        lock.broadcast()
    }

    /// Waits until the folder at `position` may be handed out: one slow folder (say, the
    /// one that builds the catalogue index) must not let finished lines pile up behind it.
    func waitForRoom(position: Int) {
        lock.lock()
        defer { lock.unlock() }
        while position - next >= Self.window && !abandoned { lock.wait() }
    }

    /// A worker failed: nobody waits for room any more.
    func abandon() {
        lock.lock()
        abandoned = true
        lock.broadcast()
        lock.unlock()
    }

    /// Notes that the part read at `position` has no line (it is recorded later, at another position).
    func skip(position: Int) {
        lock.lock()
        defer { lock.unlock() }
        waiting[position] = ""
        flush()
    }

    /// Closes `part` and adds its lines after those written so far, then removes its file.
    func append(_ part: ManifestWriter) throws {
        try part.finish()
        defer { unlink(part.path) }
        guard let source = fopen(part.path, "rb") else {
            throw OutputError(path: part.path, message: "cannot read (\(String(cString: strerror(errno))))")
        }
        defer { fclose(source) }
        lock.lock()
        defer { lock.unlock() }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = fread(&buffer, 1, buffer.count, source)
            if count > 0 { fwrite(buffer, 1, count, file) }
            if count < buffer.count { break }
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
