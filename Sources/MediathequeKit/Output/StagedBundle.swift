import CSupport
import Foundation

/// Writes a new bundle into a staging folder next to the published one and
/// swaps it in, whole, with one atomic rename.
///
/// A file whose bytes equal the published copy is hard-linked from it instead
/// of written, so it keeps its modification time (HTTP caches and calendar
/// pollers see no change) and the published bundle is never modified in place.
/// A build that fails or is killed leaves the published folder as it was; its
/// staging folder is removed by the next build.
///
/// The bundle a build replaces is kept beside the new one (`<out>.previous`, never
/// published) and is the next build's starting point: most of its patron folders are
/// already what that build keeps, so a rebuild neither links nor removes their files.
/// It is renamed into the staging folder, everything but its patron folders is removed,
/// and each patron folder is then left as it is (``holds(_:token:as:)``), emptied before
/// it is written again (``clear(_:)``), or removed when nobody has it any more
/// (``removeLeftovers()``).
public final class StagedBundle: @unchecked Sendable {
    /// The published bundle (`--out`).
    public let destination: URL
    /// Where this build writes.
    public let staging: URL
    /// `staging` and `destination` as paths, for the file-by-file and folder-by-folder work
    /// (bundle paths are relative and checked, ``BundlePath``: joined as text, no URL parsing).
    private let stagingPath: String
    private let destinationPath: String
    private let fileManager = FileManager.default
    private let lock = NSLock()
    public private(set) var written = 0
    public private(set) var unchanged = 0
    /// The manifest of the previous bundle taken as the starting point, if there was one.
    private let base: PublishedManifest?
    /// Whether the previous bundle's lines may be compared with the published bundle's:
    /// both were built from the same salt for the same day (``compareBase(with:)``).
    private var baseMatches = false

    public init(destination: URL) throws {
        self.destination = destination.standardizedFileURL
        let parent = self.destination.deletingLastPathComponent()
        let name = self.destination.lastPathComponent
        staging = parent.appendingPathComponent("\(name).staging-\(getpid())")
        stagingPath = staging.path
        destinationPath = self.destination.path
        try Self.removeStale(in: parent, name: name)
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
            if fileManager.fileExists(atPath: staging.path) { try fileManager.removeItem(at: staging) }
            if Self.isDirectory(destinationPath + Self.previousSuffix), rename(destinationPath + Self.previousSuffix, stagingPath) == 0 {
                base = PublishedManifest(publishedAt: staging)
                try Self.keepOnlyPatronFolders(stagingPath)
            } else {
                base = nil
                try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
            }
        } catch let error as OutputError {
            throw error
        } catch {
            throw OutputError(path: staging.path, message: "cannot create the staging folder (\(AgendaFeedReader.reason(error)))")
        }
    }

    /// What the bundle a build replaces is renamed to, beside the published one.
    static let previousSuffix = ".previous"

    /// Removes from a previous bundle everything but its patron folders: the root files,
    /// `public/` and `private/assets/` are staged anew, from the published bundle.
    private static func keepOnlyPatronFolders(_ root: String) throws {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        for entry in entries where entry != "private" { try remove(root + "/" + entry) }
        try remove(root + (isDirectory(root + "/private") ? "/private/assets" : "/private"))
    }

    /// Removes `path` and all below it, never through a link.
    /// - Throws: ``OutputError`` when anything of it is left: what the previous bundle held
    ///   there must not reach the new one.
    private static func remove(_ path: String) throws {
        mq_remove_tree(path)
        var info = stat()
        guard lstat(path, &info) != 0, errno == ENOENT else {
            throw OutputError(path: path, message: "cannot remove what the previous bundle left there")
        }
    }

    /// Whether `path` is a directory itself, not a link to one.
    private static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Tells the staging folder what the published bundle holds: a patron folder of the
    /// previous bundle is left as it is only when that bundle was built from the same
    /// salt for the same day as the published one.
    func compareBase(with published: PublishedManifest) {
        guard let base else { return }
        baseMatches = base.salt != nil && base.salt == published.salt && base.date == published.date
    }

    /// Whether the staged `folder` (the patron folder of `token`) already holds the files
    /// `kept`, the published folder's line, lists: the previous bundle had the very same line
    /// (digest, files, dates), so the same bytes; nothing needs to be linked or written.
    /// Its files then count as unchanged.
    /// The folder must still hold every file the line lists, each a file of its own: the
    /// two bundles take turns as the starting point, and one of them may have lost a file.
    func holds(_ folder: BundlePath, token: String, as kept: BuildManifest.Folder) -> Bool {
        guard baseMatches, let base, base.folder(token) == kept,
              mq_folder_holds(stagingPath + "/" + folder.value, kept.fileList) == 1 else { return false }
        let files = kept.fileList.utf8.reduce(1) { $1 == UInt8(ascii: "|") ? $0 + 1 : $0 }
        lock.lock()
        unchanged += files
        lock.unlock()
        return true
    }

    /// Empties the staged `folder` of what the previous bundle left there, before its
    /// files are linked or written: a link is never made or a file written over an old one.
    /// - Throws: ``OutputError`` when something of it cannot be removed.
    func clear(_ folder: BundlePath) throws {
        guard base != nil else { return }
        try Self.remove(stagingPath + "/" + folder.value)
    }

    /// Removes the patron folders of the previous bundle that this build did not record
    /// (patrons gone, tokens revoked). Call it once the manifest is written.
    /// - Throws: ``OutputError`` when one of them cannot be removed.
    func removeLeftovers() throws {
        guard base != nil else { return }
        let folders = stagingPath + "/private"
        // Removed on all cores, then each checked gone.
        for path in Self.removeUnrecorded(in: folders, by: PublishedManifest(publishedAt: staging)) {
            try Self.remove(path)
        }
        rmdir(folders) // a build with no patron folder and no assets has none
    }

    /// Removes the entries of a `private/` folder that are neither a folder `recorded` lists
    /// nor the assets; returns their paths.
    private static func removeUnrecorded(in folders: String, by recorded: PublishedManifest) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folders)) ?? []
        let gone = names.filter { $0 != "assets" && !recorded.contains($0) }.map { folders + "/" + $0 }
        removeAll(gone)
        return gone
    }

    /// Removes staging and replaced folders left by builds that were killed.
    private static func removeStale(in parent: URL, name: String) throws {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for entry in entries where entry.hasPrefix("\(name).staging-") || entry.hasPrefix("\(name).replaced-") {
            let pid = Int32(entry.split(separator: "-").last ?? "") ?? 0
            if pid > 0, pid != getpid(), kill(pid, 0) == 0 { continue } // another build is running
            removeTree(parent.appendingPathComponent(entry))
        }
    }

    /// Writes one file into the staging folder (thread-safe).
    public func write(_ file: RenderedFile) throws {
        let target = stagingPath + "/" + file.path.value
        do {
            if let slash = file.path.value.lastIndex(of: "/") {
                let directory = stagingPath + "/" + file.path.value[..<slash]
                // mkdir is cheaper than remembering every folder made (memory would grow with the network).
                if mkdir(directory, 0o755) != 0 && errno != EEXIST {
                    try fileManager.createDirectory(atPath: directory, withIntermediateDirectories: true)
                }
            }
            let published = destinationPath + "/" + file.path.value
            if Self.sameBytes(atPath: published, file.bytes), link(published, target) == 0 {
                count(unchanged: true)
                return
            }
            try Self.create(target, file.bytes)
            count(unchanged: false)
        } catch {
            let reason = (error as? POSIXFailure)?.description ?? AgendaFeedReader.reason(error)
            throw OutputError(path: target, message: "cannot write (\(reason))")
        }
    }

    /// Keeps a folder of the published bundle as it is: each of `files` (relative to the
    /// folder) hard-linked, never copied or rewritten, into a folder emptied of what the
    /// previous bundle left there.
    /// - Returns: false, leaving nothing of the folder staged, when a file is missing.
    public func keepFolder(_ folder: BundlePath, files: [String]) throws -> Bool {
        try clear(folder)
        return try keep(files, in: folder.value)
    }

    /// Keeps files of the published bundle, named from its root (the public site and its assets).
    /// - Returns: false, having removed what it staged, when a file is missing.
    func keepFiles(_ files: [String]) throws -> Bool {
        try keep(files, in: nil)
    }

    private func keep(_ files: [String], in folder: String?) throws -> Bool {
        guard !files.isEmpty else { return false }
        let source = folder.map { destinationPath + "/" + $0 } ?? destinationPath
        let target = folder.map { stagingPath + "/" + $0 } ?? stagingPath
        var directories = Set(files.compactMap { file in file.lastIndex(of: "/").map { String(file[..<$0]) } })
        directories.insert("")
        for directory in directories.sorted() {
            let path = directory.isEmpty ? target : target + "/" + directory
            if mkdir(path, 0o755) != 0 && errno != EEXIST {
                try? fileManager.createDirectory(atPath: path, withIntermediateDirectories: true)
            }
        }
        // Names resolved from the two folders, not from the root: a kept folder is a dozen links.
        let from = open(source, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        let to = open(target, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { if from >= 0 { close(from) }; if to >= 0 { close(to) } }
        guard from >= 0, to >= 0, files.allSatisfy({ linkat(from, $0, to, $0, 0) == 0 }) else {
            if folder == nil {
                for file in files { unlinkat(to, file, 0) }
            } else {
                mq_remove_tree(target)
            }
            return false
        }
        lock.lock()
        unchanged += files.count
        lock.unlock()
        return true
    }

    /// Where a file at the bundle's root is staged.
    func stagedRoot(_ name: String) -> String { stagingPath + "/" + name }

    /// Replaces a file staged at the bundle's root by a link to the published one when
    /// their bytes are equal, so that a build that changed nothing writes nothing.
    func linkRootIfUnchanged(_ name: String) {
        let staged = stagedRoot(name), published = destinationPath + "/" + name
        guard Self.sameFiles(staged, published), rename(staged, staged + ".new") == 0 else { return }
        if link(published, staged) == 0 { unlink(staged + ".new") } else { rename(staged + ".new", staged) }
    }

    /// Whether two files hold the same bytes, read a block at a time (a manifest is megabytes).
    static func sameFiles(_ a: String, _ b: String) -> Bool {
        guard let one = fopen(a, "rb") else { return false }
        defer { fclose(one) }
        guard let two = fopen(b, "rb") else { return false }
        defer { fclose(two) }
        var left = [UInt8](repeating: 0, count: 1 << 16), right = left
        while true {
            let n = fread(&left, 1, left.count, one), m = fread(&right, 1, right.count, two)
            guard n == m, left[..<n] == right[..<m] else { return false }
            if n < left.count { return ferror(one) == 0 && ferror(two) == 0 }
        }
    }

    private func count(unchanged same: Bool) {
        lock.lock()
        if same { unchanged += 1 } else { written += 1 }
        lock.unlock()
    }

    /// Writes `bytes` to a new file at `path`. Never through a path that may already be a
    /// link to a published file: such a file is removed first.
    private static func create(_ path: String, _ bytes: [UInt8]) throws {
        let fd = openNew(path)
        guard fd >= 0 else { throw POSIXFailure(errno: errno) }
        defer { close(fd) }
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                throw POSIXFailure(errno: errno)
            }
            done += n
        }
    }

    /// Opens a new file at `path` for writing, removing what was there first: never an
    /// existing file, which in the staging folder may be a link to a published one.
    /// - Returns: the descriptor, or -1 with `errno` set.
    static func openNew(_ path: String) -> Int32 {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd < 0 && errno == EEXIST else { return fd }
        unlink(path)
        return open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    }

    /// A failed system call, said as the system says it.
    struct POSIXFailure: Error, CustomStringConvertible {
        var errno: Int32
        var description: String { String(cString: strerror(errno)) }
    }

    static func sameBytes(atPath path: String, _ bytes: [UInt8]) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count,
              let data = FileManager.default.contents(atPath: path) else { return false }
        return data.elementsEqual(bytes)
    }

    /// Swaps the staging folder in as the published bundle.
    /// - Throws: ``OutputError``; the published bundle is then still the previous one.
    public func commit() throws {
        let fd = open(staging.path, O_RDONLY)
        if fd >= 0 { fsync(fd); close(fd) }
        if !fileManager.fileExists(atPath: destination.path) {
            guard rename(staging.path, destination.path) == 0 else {
                throw OutputError(path: destination.path, message: "cannot move the new bundle in (\(String(cString: strerror(errno))))")
            }
            return
        }
        if mq_exchange_paths(staging.path, destination.path) == 0 {
            // `staging` now names the previous bundle.
            keepAsPrevious(stagingPath)
            return
        }
        // No atomic exchange on this file system: two renames, the old one kept until the new one is in.
        let replaced = destination.deletingLastPathComponent()
            .appendingPathComponent("\(destination.lastPathComponent).replaced-\(getpid())")
        guard rename(destination.path, replaced.path) == 0 else {
            throw OutputError(path: destination.path, message: "cannot replace the bundle (\(String(cString: strerror(errno))))")
        }
        guard rename(staging.path, destination.path) == 0 else {
            let cause = String(cString: strerror(errno))
            _ = rename(replaced.path, destination.path)
            throw OutputError(path: destination.path, message: "cannot move the new bundle in (\(cause))")
        }
        keepAsPrevious(replaced.path)
    }

    /// Keeps the bundle just replaced beside the new one, for the next build to start from,
    /// less the patron folders the new one no longer has: a revoked link's folder is gone
    /// from the disk once the bundle without it is published.
    private func keepAsPrevious(_ path: String) {
        let previous = destinationPath + Self.previousSuffix
        if rename(path, previous) != 0 {
            // Another build's starting point was left there: this one is the newer.
            Self.removeTree(URL(fileURLWithPath: previous))
            guard rename(path, previous) == 0 else { return Self.removeTree(URL(fileURLWithPath: path)) }
        }
        _ = Self.removeUnrecorded(in: previous + "/private", by: PublishedManifest(publishedAt: destination))
    }

    /// Removes a replaced bundle, its patron folders spread over all cores: a tree of
    /// a hundred thousand links is otherwise a good part of a no-op rebuild.
    static func removeTree(_ root: URL) {
        let folders = ["private", "public"].flatMap { part -> [String] in
            let path = root.appendingPathComponent(part).path
            // Never list through a link: only what lies in the tree is removed.
            guard isDirectory(path) else { return [] }
            return ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).map { path + "/" + $0 }
        }
        removeAll(folders)
        mq_remove_tree(root.path)
    }

    /// Removes trees, spread over all cores.
    private static func removeAll(_ paths: [String]) {
        let slices = max(1, min(ProcessInfo.processInfo.activeProcessorCount, paths.count))
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
            for index in stride(from: slice, to: paths.count, by: slices) { mq_remove_tree(paths[index]) }
        }
    }

    /// Throws the staging folder away; the published bundle is untouched.
    public func abandon() {
        Self.removeTree(staging)
    }
}
