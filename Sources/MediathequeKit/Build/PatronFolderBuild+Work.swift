/// Each folder's work, done on a worker thread.
extension PatronFolderBuild {
    /// Builds one folder and records its line.
    var work: @Sendable ((Lane, Int, Work), Int) throws -> Void {
        { [self] item, worker in
            let (lane, position, work) = item
            do {
                switch work {
                case .keep(let token, let card, let kept):
                    // Already in the staging folder (from the previous bundle), or linked from the published one.
                    let folder = try BundlePath("private/\(token)")
                    if try bundle.holds(folder, token: token, as: kept) || bundle.keepFolder(folder, files: kept.files) {
                        lane.writer.record(position: position, token: token, folder: kept)
                        tally.add(files: 0, kept: true, keptSummary: false, progress: context.progress)
                    } else {
                        lost.add(card)
                        lane.writer.skip(position: position)
                    }
                case .render(let token, let digests, let patron, let published):
                    try render(token: token, digests: digests, patron, keepingSummaryOf: published, lane: lane, position: position,
                               worker: worker)
                }
            } catch {
                lane.writer.abandon()
                throw error
            }
        }
    }

    private var bundle: StagedBundle { context.bundle }

    /// Renders a folder and records it: whole, or but for the summary of `published`, its
    /// published line, whose files are then linked from the published folder (rendered
    /// after all should one of them be missing there).
    private func render(token: String, digests: FolderFingerprint.Digests, _ patron: PatronBundle,
                        keepingSummaryOf published: BuildManifest.Folder?, lane: Lane, position: Int, worker: Int) throws {
        let folder = try BundlePath("private/\(token)")
        try bundle.clear(folder)
        var kept: (files: [String], summary: BuildManifest.Summary)?
        if let published, let summary = published.summary {
            // All of them, or it is rendered: a line lacking one would go on lacking it.
            let files = published.files.filter(PrivateFolderLayout.isSummaryFile)
            if Set(files.map { String(Precompressed.original(of: $0)) }) == renderers.summaryFiles(worker: worker),
               try bundle.keepFiles(files.map { "\(folder.value)/\($0)" }) {
                kept = (files, summary)
            }
        }
        let rendered = try renderers.render(patron, token: token, worker: worker, summary: kept == nil)
        for file in rendered.files { try bundle.write(file) }
        let names = (Self.names(of: rendered.files, in: folder) + (kept?.files ?? [])).sorted()
        let summary = kept?.summary ?? .init(digest: digests.summary, renderedOn: context.today, changesOn: rendered.summaryChangesOn)
        lane.writer.record(position: position, token: token,
                           folder: .init(digest: digests.folder, files: names, renderedOn: context.today, changesOn: rendered.changesOn,
                                         summary: summary))
        tally.add(files: rendered.files.count, kept: false, keptSummary: kept != nil, progress: context.progress)
    }

    /// The files' paths relative to `folder`, with their ``Precompressed`` siblings, as the manifest lists them.
    private static func names(of files: [RenderedFile], in folder: BundlePath) -> [String] {
        files.flatMap { Precompressed.names(String($0.path.value.dropFirst(folder.value.count + 1)), of: $0) }
    }
}
