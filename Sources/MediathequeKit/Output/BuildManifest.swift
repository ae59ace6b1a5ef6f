import Foundation

/// Kept beside the bundle (`<out>/build-manifest.tsv`, never under `public/` or
/// `private/`): the fingerprint each part of the bundle was rendered from and its
/// files, so that the next build can keep a part whose inputs did not change.
/// The bundle root is not published; only `public/` and `private/` are.
///
/// The format, written by ``ManifestWriter`` and read by ``PublishedManifest``, is
/// defined here alone: the header (its version, then the build's salt and date),
/// then one line per part, `public` for the public site, a token for a patron folder.
enum BuildManifest {
    static let fileName = "build-manifest.tsv"
    /// The first line: a manifest of another version is read as none.
    static let version = "# mediatheque build manifest 4: part<TAB>fingerprint<TAB>files (|-separated)<TAB>rendered on<TAB>changes on"
    /// The key of the public site's line (tokens are hexadecimal, so it cannot be one).
    static let publicSite = "public"
    /// Between a line's fields; a line's key is its first field.
    static let fieldSeparator = UInt8(ascii: "\t")
    static let lineEnd = UInt8(ascii: "\n")
    /// Starts each line of the header.
    static let headerMark = UInt8(ascii: "#")

    /// The header of a manifest written with `salt` for `date`. The date is for the people
    /// who read it: each part's line says which day its files were rendered for.
    static func header(salt: String, date: Day) -> String { "\(version)\n# salt \(salt)\n# date \(date.iso)\n" }

    /// What a line of the header after the first says.
    enum HeaderLine: Equatable {
        case salt(String)
        case other
    }

    /// Reads a line of the header after the first, without its line end.
    static func headerLine(_ text: String) -> HeaderLine {
        text.hasPrefix("# salt ") ? .salt(String(text.dropFirst("# salt ".count))) : .other
    }

    struct Folder: Hashable, Sendable {
        var digest: String
        /// The folder's files, relative to it and `|`-separated (one string per folder keeps
        /// the manifest small in memory), so that keeping it needs no directory walk.
        var fileList: String
        /// The date its files were rendered for: the day its dated files
        /// (``PrivateFolderLayout/datedFiles``) state, "Situation au …".
        var renderedOn: Day
        /// The first day after ``renderedOn`` on which its files would read differently from
        /// the same inputs (``FolderHorizon``); `nil` for never.
        var changesOn: Day?

        init(digest: String, files: [String], renderedOn: Day, changesOn: Day?) {
            self.init(digest: digest, fileList: files.joined(separator: "|"), renderedOn: renderedOn, changesOn: changesOn)
        }

        init(digest: String, fileList: String, renderedOn: Day, changesOn: Day?) {
            self.digest = digest
            self.fileList = fileList
            self.renderedOn = renderedOn
            self.changesOn = changesOn
        }

        var files: [String] { fileList.split(separator: "|").map(String.init) }

        /// Whether its files still read as a build for `today` renders them from the same
        /// inputs, but for the day its dated files state.
        func isCurrent(on today: Day) -> Bool {
            renderedOn <= today && changesOn.map { today < $0 } ?? true
        }

        /// Its line under `key`: the key, then ``fieldCount`` - 1 fields.
        func line(_ key: String) -> String { "\(key)\t\(digest)\t\(fileList)\t\(renderedOn.iso)\t\(changesOn?.iso ?? "-")\n" }

        /// The fields of a line, its key included.
        static let fieldCount = 5

        /// The folder of a line's ``fieldCount`` fields, key first; `nil` (rendered again)
        /// when a day does not read as one: a damaged "changes on" must not pass for "never".
        init?(fields: [ArraySlice<UInt8>]) {
            let changes = String(decoding: fields[4], as: UTF8.self)
            guard let renderedOn = Day(iso: String(decoding: fields[3], as: UTF8.self)) else { return nil }
            let changesOn = Day(iso: changes)
            guard changesOn != nil || changes == "-" else { return nil }
            self.init(digest: String(decoding: fields[1], as: UTF8.self), fileList: String(decoding: fields[2], as: UTF8.self),
                      renderedOn: renderedOn, changesOn: changesOn)
        }
    }
}
