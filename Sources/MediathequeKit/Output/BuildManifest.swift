import Foundation

/// Kept beside the bundle (`<out>/build-manifest.tsv`, never under `public/` or
/// `private/`): each patron folder's token and the fingerprint it was rendered from.
/// The bundle root is not published; only `public/` and `private/` are.
struct BuildManifest: Sendable {
    static let fileName = "build-manifest.tsv"
    static let header = "# mediatheque build manifest 1: token<TAB>fingerprint"

    var folders: [String: String] = [:]

    init(folders: [String: String] = [:]) { self.folders = folders }

    /// The manifest of the bundle published at `bundle`, or an empty one.
    init(publishedAt bundle: URL) {
        guard let data = FileManager.default.contents(atPath: bundle.appendingPathComponent(Self.fileName).path),
              let text = String(data: data, encoding: .utf8), text.hasPrefix(Self.header) else { return }
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: "\t")
            if fields.count == 2 { folders[String(fields[0])] = String(fields[1]) }
        }
    }

    var text: String {
        ([Self.header] + folders.keys.sorted().map { "\($0)\t\(folders[$0]!)" }).joined(separator: "\n") + "\n"
    }
}
