/// What renders patron folders, one of each per worker thread: each page renderer keeps
/// its own cache of search results; the catalogue index (a GRDB queue) serializes their queries.
struct FolderRenderers: Sendable {
    private let pages: WorkerLocal<PatronFolderRenderer>
    private let documents: WorkerLocal<(any PatronDocumentRenderer)?>
    private let content: SiteContent

    /// - Parameters:
    ///   - pagesOnly: the HTML pages and nothing else (``SiteBuilder/pagesOnly``).
    ///   - documents: makes the renderer of the documents (the summary PDF), once per worker.
    init(context: BuildContext, catalogue: BackgroundCatalogue?, pagesOnly: Bool,
         documents: (@Sendable () -> (any PatronDocumentRenderer)?)?) {
        content = context.content
        pages = WorkerLocal(count: context.workers) { [content, templates = context.templates] _ in
            var renderer = PatronFolderRenderer(templates: templates, content: content)
            renderer.searches = SavedSearchResolver(content: content, catalogue: catalogue)
            renderer.pagesOnly = pagesOnly
            return renderer
        }
        self.documents = WorkerLocal(count: context.workers) { _ in pagesOnly ? nil : documents?() }
    }

    /// The files of a folder's summary that worker `worker` renders: the page, and the PDF
    /// when the build makes documents.
    func summaryFiles(worker: Int) -> Set<String> {
        documents[worker] == nil ? [PrivateFolderLayout.summaryPage] : PrivateFolderLayout.summaryFiles
    }

    /// The files of the folder's `parts`: pages and feeds, then, with the summary, its
    /// documents (the summary PDF).
    /// - Throws: ``RenderError`` when a document is not one of the summary's files: documents
    ///   are kept and rendered with the summary.
    func render(_ patron: PatronBundle, token: String, worker: Int,
                parts: Set<PrivateFolderLayout.Part> = Set(PrivateFolderLayout.Part.allCases)) throws -> PatronFolderRenderer.Folder {
        let folder = try BundlePath("private/\(token)")
        var rendered = try pages[worker].render(patron, token: token, parts: parts)
        if parts.contains(.summary), let renderer = documents[worker] {
            for document in try renderer.files(for: patron, content: content) {
                guard PrivateFolderLayout.summaryFiles.contains(document.name) else {
                    throw RenderError(.failed("\(document.name) is not one of the summary's files (\(PrivateFolderLayout.summaryFiles.sorted()))"))
                }
                rendered.files.append(RenderedFile(path: try folder.appending(document.name), bytes: document.bytes))
            }
        }
        return rendered
    }
}
