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
    static let version = "# mediatheque build manifest 6: part<TAB>fingerprint<TAB>rows' fingerprint<TAB>files (|-separated)<TAB>rendered on<TAB>changes on"
        + "<TAB>searches rendered on<TAB>searches change on<TAB>summary's fingerprint<TAB>summary rendered on<TAB>summary changes on"
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
        /// A patron folder's rows alone, what its parts but the searches read
        /// (``FolderFingerprint/Digests/rows``); `nil` for the public site.
        var rowsDigest: String?
        /// The folder's files, relative to it and `|`-separated (one string per folder keeps
        /// the manifest small in memory), so that keeping it needs no directory walk.
        var fileList: String
        /// The date its files were rendered for: the day its dated files
        /// (``PrivateFolderLayout/datedFiles``) state, "Situation au …". For a patron folder,
        /// the date of its states (``PrivateFolderLayout/Part/states``), which may have been
        /// rendered after its searches and summary.
        var renderedOn: Day
        /// The first day after ``renderedOn`` on which its files (a patron folder's states)
        /// would read differently from the same inputs (``FolderHorizon``); `nil` for never.
        var changesOn: Day?
        /// A patron folder's searches (``PrivateFolderLayout/Part/searches``), which may have been
        /// kept from an earlier build than its states; `nil` for the public site.
        var searches: Span?
        /// A patron folder's summary (``PrivateFolderLayout/summaryFiles``), which may have been
        /// kept from an earlier build than the rest; `nil` for the public site.
        var summary: Summary?

        init(digest: String, rowsDigest: String? = nil, files: [String], renderedOn: Day, changesOn: Day?, searches: Span? = nil,
             summary: Summary? = nil) {
            self.init(digest: digest, rowsDigest: rowsDigest, fileList: files.joined(separator: "|"), renderedOn: renderedOn,
                      changesOn: changesOn, searches: searches, summary: summary)
        }

        init(digest: String, rowsDigest: String?, fileList: String, renderedOn: Day, changesOn: Day?, searches: Span?, summary: Summary?) {
            self.digest = digest
            self.rowsDigest = rowsDigest
            self.fileList = fileList
            self.renderedOn = renderedOn
            self.changesOn = changesOn
            self.searches = searches
            self.summary = summary
        }

        var files: [String] { fileList.split(separator: "|").map(String.init) }

        /// Whether its files still read as a build for `today` renders them from the same
        /// inputs, but for the day its dated files state: its states and its searches (its
        /// summary has its own ``Summary/isCurrent(on:)``).
        func isCurrent(on today: Day) -> Bool {
            Self.isCurrent(renderedOn, changesOn, on: today) && searches?.isCurrent(on: today) ?? true
        }

        static func isCurrent(_ renderedOn: Day, _ changesOn: Day?, on today: Day) -> Bool {
            renderedOn <= today && changesOn.map { today < $0 } ?? true
        }

        /// The day `file`, relative to the folder, states if it is one of the dated files: its
        /// summary's for the summary (``PrivateFolderLayout/summaryFiles``), the folder's for the others.
        func statedDay(of file: String) -> Day {
            PrivateFolderLayout.part(of: file) == .summary ? summary?.renderedOn ?? renderedOn : renderedOn
        }

        /// Its line under `key`: the key, then ``fieldCount`` - 1 fields.
        func line(_ key: String) -> String {
            "\(key)\t\(digest)\t\(rowsDigest ?? "-")\t\(fileList)\t\(renderedOn.iso)\t\(changesOn?.iso ?? "-")\t"
                + (searches.map { "\($0.renderedOn.iso)\t\($0.changesOn?.iso ?? "-")" } ?? "-\t-") + "\t"
                + (summary.map { "\($0.digest)\t\($0.renderedOn.iso)\t\($0.changesOn?.iso ?? "-")" } ?? "-\t-\t-") + "\n"
        }

        /// The fields of a line, its key included.
        static let fieldCount = 11

        /// The folder of a line's ``fieldCount`` fields, key first; `nil` (rendered again)
        /// when a day does not read as one: a damaged "changes on" must not pass for "never".
        init?(fields: [ArraySlice<UInt8>]) {
            let isAbsent = { (index: Int) in fields[index].elementsEqual("-".utf8) }
            let text = { (index: Int) in String(decoding: fields[index], as: UTF8.self) }
            guard let states = Self.span(fields, at: 4) else { return nil }
            var searches: Span?
            if !isAbsent(6) {
                guard let span = Self.span(fields, at: 6) else { return nil }
                searches = span
            }
            var summary: Summary?
            if !isAbsent(8) {
                guard let span = Self.span(fields, at: 9) else { return nil }
                summary = Summary(digest: text(8), renderedOn: span.renderedOn, changesOn: span.changesOn)
            }
            self.init(digest: text(1), rowsDigest: isAbsent(2) ? nil : text(2), fileList: text(3), renderedOn: states.renderedOn,
                      changesOn: states.changesOn, searches: searches, summary: summary)
        }

        /// The "rendered on" and "changes on" fields at `index` and after it; `nil` when one does
        /// not read as a day ("changes on" may be "-", never).
        private static func span(_ fields: [ArraySlice<UInt8>], at index: Int) -> Span? {
            guard let renderedOn = Day(iso: String(decoding: fields[index], as: UTF8.self)) else { return nil }
            let changesOn = String(decoding: fields[index + 1], as: UTF8.self)
            if changesOn == "-" { return Span(renderedOn: renderedOn, changesOn: nil) }
            return Day(iso: changesOn).map { Span(renderedOn: renderedOn, changesOn: $0) }
        }
    }

    /// The days a part of a folder that states no day (``PrivateFolderLayout/Part/searches``)
    /// was rendered for and first reads differently from the same rows.
    struct Span: Hashable, Sendable {
        var renderedOn: Day
        /// `nil` for never.
        var changesOn: Day?

        /// Whether it still reads as a build for `today` renders it from the same rows.
        func isCurrent(on today: Day) -> Bool {
            Folder.isCurrent(renderedOn, changesOn, on: today)
        }
    }

    /// What a folder's summary was rendered from and for, beside the rest of the folder.
    struct Summary: Hashable, Sendable {
        var digest: String
        /// The day it states, "Situation au …".
        var renderedOn: Day
        /// The first day after ``renderedOn`` on which it would read differently from the same rows.
        var changesOn: Day?

        /// Whether it still reads as a build for `today` renders it from the same rows, but for its day.
        func isCurrent(on today: Day) -> Bool {
            Folder.isCurrent(renderedOn, changesOn, on: today)
        }
    }
}
