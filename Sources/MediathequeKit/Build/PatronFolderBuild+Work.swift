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
                case .render(let token, let digests, let patron, let keeping):
                    try render(token: token, digests: digests, patron, keeping: keeping, lane: lane, position: position, worker: worker)
                }
            } catch {
                lane.writer.abandon()
                throw error
            }
        }
    }

    private var bundle: StagedBundle { context.bundle }

    /// Renders a folder and records it: whole, or but for the parts `keeping` names, whose
    /// files are then linked from the published folder (a part is rendered after all should
    /// one of its files be missing there).
    private func render(token: String, digests: FolderFingerprint.Digests, _ patron: PatronBundle,
                        keeping: FolderDecision.Keeping?, lane: Lane, position: Int, worker: Int) throws {
        let folder = try BundlePath("private/\(token)")
        try bundle.clear(folder)
        var kept: Set<PrivateFolderLayout.Part> = []
        var keptFiles: [String] = []
        if let keeping {
            let files = Dictionary(grouping: keeping.line.files, by: PrivateFolderLayout.part(of:))
            for part in PrivateFolderLayout.Part.allCases where keeping.parts.contains(part) {
                guard let files = files[part] else { continue }
                // All of the summary's, or it is rendered: a line lacking one would go on lacking it.
                if part == .summary, Set(files.map { String(Precompressed.original(of: $0)) }) != renderers.summaryFiles(worker: worker) {
                    continue
                }
                if try bundle.keepFiles(files.map { "\(folder.value)/\($0)" }) {
                    kept.insert(part)
                    keptFiles += files
                }
            }
        }
        let rendered = try renderers.render(patron, token: token, worker: worker,
                                            parts: Set(PrivateFolderLayout.Part.allCases).subtracting(kept))
        for file in rendered.files { try bundle.write(file) }
        let today = context.today
        var line = BuildManifest.Folder(
            digest: digests.folder, rowsDigest: digests.rows, files: (Self.names(of: rendered.files, in: folder) + keptFiles).sorted(),
            renderedOn: today, changesOn: rendered.changesOn, searches: .init(renderedOn: today, changesOn: rendered.searchesChangeOn),
            summary: .init(digest: digests.summary, renderedOn: today, changesOn: rendered.summaryChangesOn))
        if let published = keeping?.line {
            // A kept part keeps the days it was rendered for.
            if kept.contains(.states) { (line.renderedOn, line.changesOn) = (published.renderedOn, published.changesOn) }
            if kept.contains(.searches) { line.searches = published.searches }
            if kept.contains(.summary) { line.summary = published.summary }
        }
        lane.writer.record(position: position, token: token, folder: line)
        tally.add(files: rendered.files.count, kept: false, keptSummary: kept.contains(.summary), progress: context.progress)
    }

    /// The files' paths relative to `folder`, with their ``Precompressed`` siblings, as the manifest lists them.
    private static func names(of files: [RenderedFile], in folder: BundlePath) -> [String] {
        files.flatMap { Precompressed.names(String($0.path.value.dropFirst(folder.value.count + 1)), of: $0) }
    }
}
