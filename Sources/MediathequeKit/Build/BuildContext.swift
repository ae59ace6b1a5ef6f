/// What every part of one build shares: its inputs, the content read from them, what the
/// bundle is rendered with, and where it goes. Made once the inputs are read and the
/// staging folder is made.
struct BuildContext: Sendable {
    let inputs: SiteBuilder.Inputs
    let content: SiteContent
    let templates: TemplateSet
    /// What every part of the bundle is rendered with, digested (``FolderFingerprint``).
    let salt: [UInt8]
    /// The published bundle's manifest: what this build may keep of it.
    let published: PublishedManifest
    /// This build's manifest, written as the parts are done.
    let manifest: ManifestWriter
    let bundle: StagedBundle
    /// Threads rendering patron folders.
    let workers: Int
    let progress: @Sendable (BuildProgress) -> Void
    /// What each patron folder's decision is taken on.
    let basis: FolderDecision.Basis

    init(inputs: SiteBuilder.Inputs, content: SiteContent, templates: TemplateSet, salt: [UInt8], published: PublishedManifest,
         manifest: ManifestWriter, bundle: StagedBundle, workers: Int, progress: @escaping @Sendable (BuildProgress) -> Void) {
        self.inputs = inputs
        self.content = content
        self.templates = templates
        self.salt = salt
        self.published = published
        self.manifest = manifest
        self.bundle = bundle
        self.workers = workers
        self.progress = progress
        basis = .init(sameSalt: published.salt == salt.lowercaseHex, today: inputs.today)
    }

    var today: Day { inputs.today }

    /// The patron folders this build renders: all of them, or its shard's.
    var patronCount: Int { inputs.shard?.patronCount(among: content.patronCount) ?? content.patronCount }
}
