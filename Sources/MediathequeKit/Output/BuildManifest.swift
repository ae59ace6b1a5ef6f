import Foundation

/// Kept beside the bundle (`<out>/build-manifest.tsv`, never under `public/` or
/// `private/`): each patron folder's token and the fingerprint it was rendered from.
/// The bundle root is not published; only `public/` and `private/` are.
struct BuildManifest: Sendable {
    static let fileName = "build-manifest.tsv"
    static let header = "# mediatheque build manifest 2: token<TAB>fingerprint<TAB>files (|-separated)"

    struct Folder: Hashable, Sendable {
        var digest: String
        /// The folder's files, relative to it, so that keeping it needs no directory walk.
        var files: [String]
    }

    var folders: [String: Folder] = [:]

    init(folders: [String: Folder] = [:]) { self.folders = folders }

    /// The manifest of the bundle published at `bundle`, or an empty one.
    init(publishedAt bundle: URL) {
        guard let data = FileManager.default.contents(atPath: bundle.appendingPathComponent(Self.fileName).path),
              let text = String(data: data, encoding: .utf8), text.hasPrefix(Self.header) else { return }
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: "\t")
            if fields.count == 3 {
                folders[String(fields[0])] = Folder(digest: String(fields[1]), files: fields[2].split(separator: "|").map(String.init))
            }
        }
    }

    var text: String {
        ([Self.header] + folders.keys.sorted().map { token in
            let folder = folders[token]!
            return "\(token)\t\(folder.digest)\t\(folder.files.joined(separator: "|"))"
        }).joined(separator: "\n") + "\n"
    }
}
