/// What a build does with one patron folder, decided from the published bundle's line for
/// it and this build's fingerprint alone: no I/O.
///
/// A folder is kept whole, its dated files (``PrivateFolderLayout/datedFiles``) included,
/// when its fingerprint (its rows, the salt, what its pages read) is the one recorded and
/// its states still read as they did on the day it was rendered
/// (``BuildManifest/Folder/isCurrent(on:)``): its dated files then truthfully state that
/// day, "Situation au <rendered on>", the bytes a clean build made on that day wrote.
/// Any other folder is rendered for this build's date: whole, or but for its summary
/// (``PrivateFolderLayout/summaryFiles``) when the summary's own fingerprint (the rows it
/// shows) is the one recorded and its states still read the same: a loan leaving the
/// history, a new review or a search's new results do not make another summary.
enum FolderDecision: Equatable, Sendable {
    /// The published folder as it is: its line is recorded again.
    case keep(BuildManifest.Folder)
    /// Every file rendered, but for the summary of `keepingSummaryOf`, the published line,
    /// when there is one: its summary's files are kept as they are.
    case render(keepingSummaryOf: BuildManifest.Folder?)

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
            self = .render(keepingSummaryOf: nil)
            return
        }
        let summary = published.summary
        if published.digest == digests.folder, published.isCurrent(on: basis.today), summary?.isCurrent(on: basis.today) ?? true {
            self = .keep(published)
        } else if let summary, summary.digest == digests.summary, summary.isCurrent(on: basis.today) {
            self = .render(keepingSummaryOf: published)
        } else {
            self = .render(keepingSummaryOf: nil)
        }
    }
}
