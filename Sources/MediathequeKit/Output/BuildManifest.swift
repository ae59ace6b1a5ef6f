import Foundation

/// Kept beside the bundle (`<out>/build-manifest.tsv`, never under `public/` or
/// `private/`): each patron folder's token and the fingerprint it was rendered from.
/// The bundle root is not published; only `public/` and `private/` are.
struct BuildManifest: Sendable {
    static let fileName = "build-manifest.tsv"
    static let header = "# mediatheque build manifest 2: token<TAB>fingerprint<TAB>files (|-separated)"

    struct Folder: Hashable, Sendable {
        var digest: String
        /// The folder's files, relative to it and `|`-separated (one string per folder keeps
        /// the manifest small in memory), so that keeping it needs no directory walk.
        var fileList: String

        init(digest: String, files: [String]) {
            self.digest = digest
            fileList = files.joined(separator: "|")
        }

        init(digest: String, fileList: String) {
            self.digest = digest
            self.fileList = fileList
        }

        var files: [String] { fileList.split(separator: "|").map(String.init) }
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
                folders[String(fields[0])] = Folder(digest: String(fields[1]), fileList: String(fields[2]))
            }
        }
    }

    var text: String {
        ([Self.header] + folders.keys.sorted().map { token in
            let folder = folders[token]!
            return "\(token)\t\(folder.digest)\t\(folder.fileList)"
        }).joined(separator: "\n") + "\n"
    }
}
