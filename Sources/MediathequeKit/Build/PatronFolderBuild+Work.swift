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
                        tally.add(files: 0, kept: true, progress: context.progress)
                    } else {
                        lost.add(card)
                        lane.writer.skip(position: position)
                    }
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
        let rendered = try renderers.render(patron, token: token, worker: worker)
        for file in rendered.files { try bundle.write(file) }
        let names = Self.names(of: rendered.files, in: folder).sorted()
        lane.writer.record(position: position, token: token,
                           folder: .init(digest: digest, files: names, renderedOn: context.today, changesOn: rendered.changesOn))
        tally.add(files: rendered.files.count, kept: false, progress: context.progress)
    }

    /// The files' paths relative to `folder`, with their ``Precompressed`` siblings, as the manifest lists them.
    private static func names(of files: [RenderedFile], in folder: BundlePath) -> [String] {
        files.flatMap { Precompressed.names(String($0.path.value.dropFirst(folder.value.count + 1)), of: $0) }
    }
}
