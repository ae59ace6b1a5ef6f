import Foundation
@testable import MediathequeKit
import Testing

/// The comparison that decides whether a rendered file is linked from the published bundle.
struct FileTreeTests {
    @Test func aPublishedFileHoldsItsOwnBytesOnly() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("index.html", "<p>Médiathèque</p>")
        chmod(path, 0o644)
        let bytes = [UInt8]("<p>Médiathèque</p>".utf8)
        #expect(FileTree.holds(path, bytes, .everyone))
        #expect(!FileTree.holds(path, bytes.dropLast() + [UInt8(ascii: "!")], .everyone))  // same size, other bytes
        #expect(!FileTree.holds(path, bytes.dropLast(), .everyone))
        #expect(!FileTree.holds(dir.path("missing.html"), bytes, .everyone))
        // A file that gives more than the folder's files may (an older bundle's) is written anew.
        #expect(!FileTree.holds(path, bytes, .group))
        let empty = try dir.write("empty.txt", "")
        chmod(empty, 0o644)
        #expect(FileTree.holds(empty, [], .everyone))
    }

    @Test func aFifoInAFilesPlaceIsRefusedWithoutWaiting() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("index.html")
        #expect(mkfifo(path, 0o644) == 0)
        #expect(!FileTree.holds(path, [UInt8]("x".utf8), .everyone))
        #expect(!FileTree.holds(dir.path(""), [], .everyone))  // nor a folder
    }
}
