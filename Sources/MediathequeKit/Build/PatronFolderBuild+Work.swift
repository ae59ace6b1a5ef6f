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
                        tally.add(files: 0, kept: .whole, progress: context.progress)
                    } else {
                        lost.add(card)
                        lane.writer.skip(position: position)
                    }
                case .refresh(let token, let kept, let patron):
                    let folder = try BundlePath("private/\(token)")
                    let undated = kept.files.filter { !PrivateFolderLayout.datedFiles.contains(String(Precompressed.original(of: $0))) }
                    guard try bundle.keepFolder(folder, files: undated) else {
                        // Its files went missing from the published bundle: all of them again.
                        return try render(token: token, digest: kept.digest, patron, lane: lane, position: position, worker: worker)
                    }
                    let dated = try renderers.render(patron, token: token, datedOnly: true, worker: worker)
                    for file in dated.files { try bundle.write(file) }
                    let names = (undated + Self.names(of: dated.files, in: folder)).sorted()
                    lane.writer.record(position: position, token: token,
                                       folder: .init(digest: kept.digest, files: names, renderedOn: kept.renderedOn, changesOn: kept.changesOn))
                    tally.add(files: dated.files.count, kept: .refreshed, progress: context.progress)
                case .render(let token, let digest, let patron):
                    try render(token: token, digest: digest, patron, lane: lane, position: position, worker: worker)
                }
            } catch {
                lane.writer.abandon()
                throw error
            }
        }
    }

    private var bundle: StagedBundle { context.bundle }

    /// Renders a whole folder and records it.
    private func render(token: String, digest: String, _ patron: PatronBundle, lane: Lane, position: Int, worker: Int) throws {
        let folder = try BundlePath("private/\(token)")
        try bundle.clear(folder)
        let rendered = try renderers.render(patron, token: token, datedOnly: false, worker: worker)
        for file in rendered.files { try bundle.write(file) }
        let names = Self.names(of: rendered.files, in: folder).sorted()
        lane.writer.record(position: position, token: token,
                           folder: .init(digest: digest, files: names, renderedOn: context.today, changesOn: rendered.changesOn))
        tally.add(files: rendered.files.count, kept: .no, progress: context.progress)
    }

    /// The files' paths relative to `folder`, with their ``Precompressed`` siblings, as the manifest lists them.
    private static func names(of files: [RenderedFile], in folder: BundlePath) -> [String] {
        files.flatMap { Precompressed.names(String($0.path.value.dropFirst(folder.value.count + 1)), of: $0) }
    }
}
