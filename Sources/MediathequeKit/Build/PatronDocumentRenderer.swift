/// Files a patron's folder gets from renderers that live outside this module
/// (the summary PDF): one instance per worker thread, never shared.
///
/// They belong to the folder's summary (``PrivateFolderLayout/summaryFiles``): read from the
/// rows it shows, and kept with it when the rest of the folder is rendered again.
public protocol PatronDocumentRenderer {
    /// Files to add to the folder, by name relative to it (`synthese.pdf`).
    func files(for bundle: PatronBundle, content: SiteContent) throws -> [(name: String, bytes: [UInt8])]
}
