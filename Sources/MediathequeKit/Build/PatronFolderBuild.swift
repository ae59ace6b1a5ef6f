import Foundation

/// Builds every patron folder of a build's shard on all cores, doing with each what its
/// ``FolderDecision`` says.
///
/// When folders may be kept (the published bundle has this build's salt), a first pass
/// only digests each patron's rows (two readers, one per half of the cards, each on its
/// own connection) and keeps the folders that did not change and whose states still read
/// the same; the others are then decoded and rendered (one by one when they are few, in a
/// second pass when many). The manifest then lists kept folders first, then rendered ones,
/// each in card order. With another salt, one pass decodes and renders every patron.
struct PatronFolderBuild {
    let context: BuildContext
    let reader: PatronReader
    let renderers: FolderRenderers
    let tally: PatronTally
    /// Kept folders whose files went missing from the published bundle: rendered again.
    let lost = LostFolders()

    /// One patron folder to build, as its decision says.
    enum Work: Sendable {
        /// `card` says which patron to render again should the folder's files be missing.
        case keep(token: String, card: String, folder: BuildManifest.Folder)
        /// `keeping`: the parts of the published folder kept (``FolderDecision``).
        case render(token: String, digests: FolderFingerprint.Digests, bundle: PatronBundle, keeping: FolderDecision.Keeping?)
    }

    /// Work handed out in reading order, with the manifest its lines go to.
    final class Lane: @unchecked Sendable {
        let writer: ManifestWriter
        /// The next position to hand out.
        var next: Int

        init(writer: ManifestWriter, next: Int = 0) {
            self.writer = writer
            self.next = next
        }

        func emit(_ work: Work, _ emit: ((Lane, Int, Work)) throws -> Void) throws {
            writer.waitForRoom(position: next)
            try emit((self, next, work))
            next += 1
        }
    }

    func run() throws {
        let main = Lane(writer: context.manifest)
        guard context.basis.keepsFolders else {
            return try render(main) { emit in
                try reader.eachPatron(decoding: .all) { read in
                    if let patron = read.patron.bundle {
                        try emit(.render(token: read.token, digests: read.digests, bundle: patron, keeping: nil))
                    }
                }
            }
        }
        var changed = try keepUnchanged(main)
        // A kept folder whose files went missing from the published bundle is rendered again.
        let missing = lost.cards
        if !missing.isEmpty { changed = (changed + missing).sorted() }
        try renderChanged(changed, main)
    }

    /// The work for a folder that may be kept; `nil` when it is to be rendered.
    private func keep(_ read: PatronReader.Read) -> Work? {
        guard case .keep(let kept) = decision(token: read.token, read.digests) else { return nil }
        return .keep(token: read.token, card: read.patron.card, folder: kept)
    }

    /// The work for a folder to render, with the parts of it kept that may be.
    private func render(token: String, _ digests: FolderFingerprint.Digests, _ patron: PatronBundle) -> Work {
        var keeping: FolderDecision.Keeping?
        if case .render(let kept) = decision(token: token, digests) { keeping = kept }
        return .render(token: token, digests: digests, bundle: patron, keeping: keeping)
    }

    private func decision(token: String, _ digests: FolderFingerprint.Digests) -> FolderDecision {
        FolderDecision(published: context.published.folder(token), digests: digests, basis: context.basis)
    }

    /// Pass 1: digests every patron, keeps the folders that may be kept, and returns
    /// the cards of the others, in card order. Reading is most of a rebuild's work,
    /// so each half of the cards has its reader when there are two cores or more.
    private func keepUnchanged(_ main: Lane) throws -> [String] {
        guard context.workers > 1, let middle = try reader.database.middleCard() else {
            var changed: [String] = []
            try render(main) { emit in
                try reader.eachPatron(decoding: .none) { read in
                    if let work = keep(read) { try emit(work) } else { changed.append(read.patron.card) }
                }
            }
            return changed
        }
        let second = Lane(writer: try ManifestWriter(path: context.manifest.path + ".second", header: nil))
        let other = try reader.onNewConnection()
        var first: [String] = [], later: [String] = []
        let stopped = StopFlag()
        try ParallelRenderer(workers: context.workers).run(produce: { emit in
            try withoutActuallyEscaping(emit) { emit in
                let secondHalf = Background { [self] in
                    var changed: [String] = []
                    try other.eachPatron(cards: CardRange(from: middle.card), firstPosition: middle.position, decoding: .none) { read in
                        if stopped.isSet { throw CancellationError() }
                        if let work = keep(read) { try second.emit(work, emit) } else { changed.append(read.patron.card) }
                    }
                    return changed
                }
                do {
                    try reader.eachPatron(cards: CardRange(before: middle.card), decoding: .none) { read in
                        if let work = keep(read) { try main.emit(work, emit) } else { first.append(read.patron.card) }
                    }
                } catch {
                    // The second reader stops, and is done with `emit` before it is given back.
                    stopped.set()
                    _ = try? secondHalf.value()
                    throw error
                }
                later = try secondHalf.value()
            }
        }, work: work)
        try context.manifest.append(second.writer)
        return first + later
    }

    /// Pass 2: decodes and renders the folders of `cards` (in card order): one by one when
    /// they are few, in a second pass over the patrons when many.
    private func renderChanged(_ cards: [String], _ main: Lane) throws {
        if cards.count <= max(100, tally.total / 50) {
            try render(main) { emit in
                for card in cards {
                    // Digested again in the read that decodes it: what is recorded is what was rendered.
                    guard let read = try reader.read(card: card) else { continue }
                    try emit(render(token: read.token, read.digests, read.bundle))
                }
            }
        } else {
            let cards = Set(cards)
            try render(main) { emit in
                try reader.eachPatron(decoding: .only(cards)) { read in
                    if let patron = read.patron.bundle { try emit(render(token: read.token, read.digests, patron)) }
                }
            }
        }
    }

    /// Runs the work `produce` hands out on all cores.
    private func render(_ lane: Lane, _ produce: (_ emit: (Work) throws -> Void) throws -> Void) throws {
        try ParallelRenderer(workers: context.workers).run(produce: { emit in
            try withoutActuallyEscaping(emit) { emit in
                try produce { work in try lane.emit(work, emit) }
            }
        }, work: work)
    }
}
