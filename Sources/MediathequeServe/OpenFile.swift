import Foundation
import Hummingbird

/// A regular file of the bundle, held open from the moment its answer is chosen: a rebuild
/// that swaps the bundle meanwhile cannot change what is sent (the old file stays readable
/// until closed), nor make the length announced disagree with the bytes.
final class OpenFile: Sendable {
    let size: Int
    private let descriptor: Int32

    /// Opens the regular file at `path`; `nil` when there is none (a folder is none).
    init?(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            return nil
        }
        self.descriptor = descriptor
        size = Int(status.st_size)
    }

    deinit { close(descriptor) }

    /// The file as a body streamed in chunks, never whole in memory. (The bundle's files
    /// are small and local: each chunk is read on the request's task.)
    var body: ResponseBody {
        ResponseBody(contentLength: size) { writer in
            var offset = 0
            while offset < self.size {
                var chunk = ByteBufferAllocator().buffer(capacity: min(64 * 1024, self.size - offset))
                let read = chunk.writeWithUnsafeMutableBytes(minimumWritableBytes: 0) { bytes in
                    max(0, pread(self.descriptor, bytes.baseAddress, min(bytes.count, self.size - offset), off_t(offset)))
                }
                guard read > 0 else { throw OpenFileError.shortRead }
                offset += read
                try await writer.write(chunk)
            }
            try await writer.finish(nil)
        }
    }

    /// The whole file, for the pages the preview changes before sending them.
    func bytes() throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: size)
        let read = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, size, 0) }
        guard read == size else { throw OpenFileError.shortRead }
        return bytes
    }
}

struct OpenFileError: Error {
    static let shortRead = OpenFileError()
}
