/// What a build does with one patron folder, decided from the published bundle's line for
/// it and this build's fingerprint alone: no I/O.
///
/// A folder is kept whole, its dated files (``PrivateFolderLayout/datedFiles``) included,
/// when its fingerprint (its rows, the salt, what its pages read) is the one recorded and
/// its states still read as they did on the day it was rendered
/// (``BuildManifest/Folder/isCurrent(on:)``): its dated files then truthfully state that
/// day, "Situation au <rendered on>", the bytes a clean build made on that day wrote.
/// Any other folder is rendered for this build's date, but for the parts of it
/// (``PrivateFolderLayout/Part``) whose reading did not change: with the same rows, the
/// pages that read nothing else, and the states that still read the same; with the same
/// rows and search results, the searches that still read the same; with the same rows
/// shown, the summary whose states still read the same. A loan coming due renders the
/// loans' pages and not the history; a new document or event renders the searches that
/// show it, and nothing else; a loan leaving the history or a new review do not make
/// another summary.
enum FolderDecision: Equatable, Sendable {
    /// The published folder as it is: its line is recorded again.
    case keep(BuildManifest.Folder)
    /// Every part rendered, but for those `keeping` names, kept as the published line has them.
    case render(keeping: Keeping?)

    /// The parts of a published folder a render keeps, and its line, which has their files and days.
    struct Keeping: Equatable, Sendable {
        var line: BuildManifest.Folder
        /// Never all of them (the folder is then kept whole), never none.
        var parts: Set<PrivateFolderLayout.Part>
    }

    /// What the published bundle was built from, the same for every folder of a build.
    struct Basis: Equatable, Sendable {
        /// Whether the published bundle was built with this build's salt (``FolderFingerprint``):
        /// no folder of another salt is kept, nor even looked up.
        var sameSalt: Bool
        /// This build's date.
        var today: Day

        /// Whether a folder may be kept: only then is a first pass over the patrons worth
        /// making that digests their rows without decoding them.
        var keepsFolders: Bool { sameSalt }
    }

    /// - Parameters:
    ///   - published: the folder's line in the published manifest; `nil` when it has none.
    ///   - digests: the folder's fingerprints in this build.
    init(published: BuildManifest.Folder?, digests: FolderFingerprint.Digests, basis: Basis) {
        guard basis.sameSalt, let published else {
            self = .render(keeping: nil)
            return
        }
        let today = basis.today
        let sameInputs = published.digest == digests.folder
        if sameInputs, published.isCurrent(on: today), published.summary?.isCurrent(on: today) ?? true {
            self = .keep(published)
            return
        }
        var parts: Set<PrivateFolderLayout.Part> = []
        if published.rowsDigest == digests.rows {
            parts.insert(.rows)
            if BuildManifest.Folder.isCurrent(published.renderedOn, published.changesOn, on: today) { parts.insert(.states) }
        }
        if sameInputs, published.searches?.isCurrent(on: today) == true { parts.insert(.searches) }
        if let summary = published.summary, summary.digest == digests.summary, summary.isCurrent(on: today) {
            parts.insert(.summary)
        }
        self = .render(keeping: parts.isEmpty ? nil : Keeping(line: published, parts: parts))
    }
}
