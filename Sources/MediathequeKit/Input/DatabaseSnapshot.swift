import Foundation
import GRDB

/// One committed state of the account database, which every connection of a build reads:
/// a private copy made with SQLite's backup API in a single read transaction.
///
/// Why a copy: a build reads on several connections at once (the contract checks, the
/// catalogue's digests and index parts, the patrons' stream), each opened when its work
/// starts. In WAL mode each would see the commits made before it began, so a bundle could
/// mix states. SQLite's snapshot API (`sqlite3_snapshot_open`), which would pin them all to
/// one state, is not compiled into Debian's SQLite (no SQLITE_ENABLE_SNAPSHOT), and one
/// long read transaction would serialize the build's threads on one connection (and, with a
/// rollback journal, hold every writer off for the whole build). The copy takes the shared
/// lock once, for the time of a file copy, and then nobody writes what the build reads.
/// It costs one sequential read and write of the file, and its size in free space: at 50,000
/// patrons (233 MB), 0.9 to 1.0 s, against 726 s for a whole build and 27 s for a rebuild that
/// kept every folder (release build, one run on a loaded shared machine of 2 cores).
public struct DatabaseSnapshot: Sendable {
    /// The database as given, for messages.
    public let name: String
    /// The copy.
    public let path: String

    /// Copies the committed state of `database` to the new file `copy`.
    /// - Parameter busyTimeout: how long to wait for a writer holding the database's lock
    ///   (a rollback journal; a WAL database's readers never wait), in seconds.
    /// - Throws: ``InputProblem`` naming the database: it cannot be read, or a writer held
    ///   it longer than `busyTimeout`.
    public static func take(of database: String, as copy: String, busyTimeout: Double) throws -> DatabaseSnapshot {
        AccountDatabase.prepareSQLite()
        let snapshot = DatabaseSnapshot(name: database, path: copy)
        try AccountDatabase.requireFile(database)
        StopCleanUp.shared.add(copy)
        var config = Configuration()
        config.readonly = true
        config.label = "snapshot source"
        config.busyMode = .timeout(busyTimeout)
        do {
            try FileManager.default.createDirectory(atPath: (copy as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            unlink(copy)
            let source = try DatabaseQueue(path: database, configuration: config)
            let target = try DatabaseQueue(path: copy)
            try source.inDatabase { db in
                // The shared lock, waited for, then the whole copy in the same read transaction.
                try db.inTransaction(.deferred) {
                    _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master")
                    try target.inDatabase { copy in
                        try db.backup(to: copy)
                        // The copy is read by this build only: no write-ahead log beside it.
                        try copy.execute(sql: "PRAGMA journal_mode = DELETE")
                    }
                    return .commit
                }
            }
            try source.close()
            try target.close()
            return snapshot
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            snapshot.remove()
            throw InputProblem(file: database, message: "locked by a writer for more than \(Int(busyTimeout)) s "
                               + "(--busy-timeout); nothing was built: build again once it is done")
        } catch {
            snapshot.remove()
            throw AccountDatabase.problem(for: error, file: database)
        }
    }

    /// Opens the copy, read-only; its messages name the database as given.
    func open(cacheKiB: Int = 32768) throws -> AccountDatabase {
        try AccountDatabase(path: path, named: name, cacheKiB: cacheKiB)
    }

    /// Removes the copy.
    public func remove() {
        for suffix in ["", "-journal", "-wal", "-shm"] { unlink(path + suffix) }
        StopCleanUp.shared.forget(path)
    }
}
