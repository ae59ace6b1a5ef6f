import CSupport
import Foundation

/// The bundle's file-system calls, on paths as text: files created new, never written
/// through what may be a link to a published file; trees removed without following a link.
enum FileTree {
    /// Whether `path` is a directory itself, not a link to one.
    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Removes `path` and all below it, never through a link.
    /// - Returns: whether nothing is left there.
    static func remove(_ path: String) -> Bool {
        mq_remove_tree(path)
        var info = stat()
        return lstat(path, &info) != 0 && errno == ENOENT
    }

    /// Removes a bundle, its patron folders spread over all cores: a tree of a hundred
    /// thousand links is otherwise a good part of a no-op rebuild.
    static func removeBundle(_ root: URL) {
        // A link is removed itself, never what it names.
        guard isDirectory(root.path) else { return _ = mq_remove_tree(root.path) }
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
    static func removeAll(_ paths: [String]) {
        let slices = max(1, min(ProcessInfo.processInfo.activeProcessorCount, paths.count))
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
            for index in stride(from: slice, to: paths.count, by: slices) { mq_remove_tree(paths[index]) }
        }
    }

    /// Who may read a file or folder of the bundle. The patron folders, and the manifest that
    /// lists their tokens, are for the owner and its group (the web server's) only: a shell
    /// account on the host must not read a patron's loans. The public site is for everyone.
    /// The umask may take more away, never add.
    enum Access {
        case everyone, group

        /// The access of what lies at `path`, relative to the bundle's root.
        init(bundlePath path: some StringProtocol) {
            self = path.hasPrefix("private") || path == BuildManifest.fileName ? .group : .everyone
        }

        var file: mode_t { self == .group ? 0o640 : 0o644 }
        var folder: mode_t { self == .group ? 0o750 : 0o755 }
    }

    /// Makes the folder `path` with `access`, and those above it that are missing.
    static func makeFolder(_ path: String, _ access: Access) throws {
        if mkdir(path, access.folder) == 0 || errno == EEXIST { return }
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: Int(access.folder)])
    }

    /// Writes `bytes` to a new file at `path` (``openNew(_:_:)``).
    /// - Throws: ``POSIXFailure``.
    static func create(_ path: String, _ bytes: [UInt8], _ access: Access) throws {
        let fd = openNew(path, access)
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

    /// Opens a new file at `path` for writing, with `access`, removing what was there first: never an
    /// existing file, which in the staging folder may be a link to a published one.
    /// - Returns: the descriptor, or -1 with `errno` set.
    static func openNew(_ path: String, _ access: Access) -> Int32 {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, access.file)
        guard fd < 0 && errno == EEXIST else { return fd }
        unlink(path)
        return open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, access.file)
    }

    /// A failed system call, said as the system says it.
    struct POSIXFailure: Error, CustomStringConvertible {
        var errno: Int32
        var description: String { String(cString: strerror(errno)) }
    }

    /// Gives `target` the modification time (and access time) of `source`.
    static func copyModificationTime(from source: String, to target: String) throws {
        var info = stat()
        guard stat(source, &info) == 0 else { throw POSIXFailure(errno: errno) }
        var times = [info.st_atim, info.st_mtim]
        guard utimensat(AT_FDCWD, target, &times, 0) == 0 else { throw POSIXFailure(errno: errno) }
    }

    /// Whether the regular file at `path` holds `bytes` and gives no more than `access`
    /// (a file of an older bundle may give more). Opened without blocking: a FIFO left in its
    /// place would otherwise hold the build until a writer came; `fstat` then refuses it.
    static func holds(_ path: String, _ bytes: [UInt8], _ access: Access) -> Bool {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count,
              info.st_mode & 0o777 & ~access.file == 0 else { return false }
        guard !bytes.isEmpty else { return true }
        var stored = [UInt8](repeating: 0, count: bytes.count)
        var done = 0
        while done < stored.count {
            let n = stored.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return false }
            done += n
        }
        return stored.withUnsafeBytes { a in bytes.withUnsafeBytes { b in memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 } }
    }

    /// Whether two files hold the same bytes, read a block at a time (a manifest is megabytes).
    static func sameBytes(_ a: String, _ b: String) -> Bool {
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
}
