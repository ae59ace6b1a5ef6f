import Foundation

/// The published bundle's manifest, looked up in place rather than loaded: an index of
/// sixteen bytes per part (a hash of its key, the offset of its line) over the file, so
/// that a rebuild's memory does not grow with the number of patrons.
final class PublishedManifest: @unchecked Sendable {
    /// The salt of the build that wrote it (``FolderFingerprint``): when it differs from
    /// this build's, no folder can be kept, and patrons are read and rendered in one pass.
    private(set) var salt: String?
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
                guard String(decoding: bytes, as: UTF8.self) == BuildManifest.version + "\n" else { return }
                continue
            }
            if bytes.first == BuildManifest.headerMark {
                switch BuildManifest.headerLine(String(decoding: bytes.dropLast(), as: UTF8.self)) {
                case .salt(let text): salt = text
                case .other: break
                }
                continue
            }
            guard let tab = bytes.firstIndex(of: BuildManifest.fieldSeparator) else { continue }
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
                if let fields = line(at: offset), fields.count == BuildManifest.Folder.fieldCount, fields[0].elementsEqual(wanted) {
                    return BuildManifest.Folder(fields: fields)
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
                return count == buffer.count && buffer.last == BuildManifest.fieldSeparator && buffer.dropLast().elementsEqual(wanted)
            }
        }
    }

    /// The fields of the line at `offset`.
    private func line(at offset: Int) -> [ArraySlice<UInt8>]? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { pread(file, $0.baseAddress, $0.count, off_t(offset)) }
            guard count > 0 else { return nil }
            if let end = buffer[..<count].firstIndex(of: BuildManifest.lineEnd) {
                return buffer[..<end].split(separator: BuildManifest.fieldSeparator, omittingEmptySubsequences: false)
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
