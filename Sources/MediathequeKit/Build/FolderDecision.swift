/// What a build does with one patron folder, decided from the published bundle's line for
/// it and this build's fingerprint alone: no I/O.
///
/// A folder is kept only when its fingerprint (its rows, the salt, what its pages read) is
/// the one recorded and its states still read as they did (``BuildManifest/Folder/isCurrent(on:)``):
/// whole when the published bundle is of this build's date, all but its dated files
/// (``PrivateFolderLayout/datedFiles``) on another. Any other folder is rendered whole.
enum FolderDecision: Equatable, Sendable {
    /// The published folder as it is: its line is recorded again.
    case keep(BuildManifest.Folder)
    /// The published folder's undated files; the dated ones are written for this build's date.
    case refresh(BuildManifest.Folder)
    /// Every file rendered.
    case render

    /// What the published bundle was built from, the same for every folder of a build.
    struct Basis: Equatable, Sendable {
        /// Whether the published bundle was built with this build's salt (``FolderFingerprint``):
        /// no folder of another salt is kept, nor even looked up.
        var sameSalt: Bool
        /// The date the published bundle was built for: its dated files state it.
        var publishedOn: Day?
        /// This build's date.
        var today: Day

        /// Whether a folder may be kept whole: only then is a first pass over the patrons
        /// worth making that digests their rows without decoding them.
        var keepsWholeFolders: Bool { sameSalt && publishedOn == today }
    }

    /// - Parameters:
    ///   - published: the folder's line in the published manifest; `nil` when it has none.
    ///   - digest: the folder's fingerprint in this build.
    init(published: BuildManifest.Folder?, digest: String, basis: Basis) {
        guard basis.sameSalt, let published, published.digest == digest, published.isCurrent(on: basis.today) else {
            self = .render
            return
        }
        self = basis.publishedOn == basis.today ? .keep(published) : .refresh(published)
    }
}
