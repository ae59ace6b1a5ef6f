/// What a build does with one patron folder, decided from the published bundle's line for
/// it and this build's fingerprint alone: no I/O.
///
/// A folder is kept whole, its dated files (``PrivateFolderLayout/datedFiles``) included,
/// when its fingerprint (its rows, the salt, what its pages read) is the one recorded and
/// its states still read as they did on the day it was rendered
/// (``BuildManifest/Folder/isCurrent(on:)``): its dated files then truthfully state that
/// day, "Situation au <rendered on>", the bytes a clean build made on that day wrote.
/// Any other folder is rendered whole, for this build's date.
enum FolderDecision: Equatable, Sendable {
    /// The published folder as it is: its line is recorded again.
    case keep(BuildManifest.Folder)
    /// Every file rendered.
    case render

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
    ///   - digest: the folder's fingerprint in this build.
    init(published: BuildManifest.Folder?, digest: String, basis: Basis) {
        guard basis.sameSalt, let published, published.digest == digest, published.isCurrent(on: basis.today) else {
            self = .render
            return
        }
        self = .keep(published)
    }
}
