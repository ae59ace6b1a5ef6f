import Foundation

/// A fresh folder per test, removed when the value goes away.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("mediatheque-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let target = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: target)
        return target.path
    }

    /// Writes `text` (UTF-8) to `name` inside the directory and returns its URL.
    @discardableResult
    func write(_ text: String, to name: String) throws -> URL {
        URL(fileURLWithPath: try write(name, text))
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

/// The repository's root, for the bundled Site/ and Templates/.
enum Repository {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let site = root.appendingPathComponent("Site")
    static let templates = root.appendingPathComponent("Templates")
}
