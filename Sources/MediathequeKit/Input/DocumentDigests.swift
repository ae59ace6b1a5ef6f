@preconcurrency import Crypto
import GRDB
import GRDBSQLite

/// The digest of every document's row, by id, taken in one scan of the catalogue.
///
/// A patron's row that shows a document is digested with the document's digest rather
/// than with its columns (``RowDigest``): a rebuild reads the patrons' rows without
/// joining the documents, and a document that changes still changes the digest of every
/// folder that shows it. Sixteen bytes of SHA-256 each: a million documents take 24 MB.
struct DocumentDigests: Sendable {
    private var ids: [Int64] = []
    private var digests: [(UInt64, UInt64)] = []
    private var whole = SHA256()
    /// Set when a document's id is not a whole number above the one before (the contract's
    /// `id INTEGER PRIMARY KEY` makes it one, but a table may be declared otherwise): every
    /// document shown then stands for the whole catalogue, whatever its id.
    private var unordered = false
    private var everyDocument: (UInt64, UInt64)?

    /// Adds a document, in id order, from its row's encoded values; `id` is `nil` when not an integer.
    mutating func append(id: Int64?, row bytes: [UInt8]) {
        let digest = SHA256.hash(data: bytes).withUnsafeBytes { $0.loadUnaligned(as: (UInt64, UInt64).self) }
        withUnsafeBytes(of: digest) { whole.update(bufferPointer: $0) }
        guard let id, ids.last.map({ $0 < id }) ?? true else {
            unordered = true
            return
        }
        ids.append(id)
        digests.append(digest)
    }

    /// Ends the scan.
    mutating func finish() {
        guard unordered else { return }
        ids.withUnsafeBytes { whole.update(bufferPointer: $0) }
        everyDocument = whole.finalize().withUnsafeBytes { $0.loadUnaligned(as: (UInt64, UInt64).self) }
    }

    /// The digest of the document whose id is in `column` of the row `statement` stands on, or
    /// `nil` when there is no such document (a row the contract checks refuse).
    func digest(ofColumn column: Int32, in statement: SQLiteStatement) -> (UInt64, UInt64)? {
        if let everyDocument { return everyDocument }
        guard sqlite3_column_type(statement, column) == SQLITE_INTEGER else { return nil }
        return digest(of: sqlite3_column_int64(statement, column))
    }

    /// The digest of document `id`, or `nil` when there is no such document.
    private func digest(of id: Int64) -> (UInt64, UInt64)? {
        // Ids are mostly consecutive: where the id would be if they all were, first.
        if let first = ids.first, case let (offset, overflow) = id.subtractingReportingOverflow(first),
           !overflow, offset >= 0, offset < ids.count, ids[Int(offset)] == id {
            return digests[Int(offset)]
        }
        var low = 0, high = ids.count
        while low < high {
            let middle = (low + high) / 2
            if ids[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low < ids.count && ids[low] == id ? digests[low] : nil
    }
}
