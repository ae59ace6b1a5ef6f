import Foundation

/// Builds every patron folder of a build's shard on all cores, keeping the published
/// folders whose fingerprint did not change.
///
/// When the previous build had the same salt and date, a first pass only digests each
/// patron's rows (two readers, one per half of the cards, each on its own connection)
/// and keeps the unchanged folders; the changed ones are then decoded and rendered (one
/// by one when they are few, in a second pass when many). The manifest then lists kept
/// folders first, then rendered ones, each in card order.
///
/// On a new date with the same salt (the nightly build), one pass decodes every patron:
/// the files that carry the date are written again, and a folder whose rows did not
/// change and whose states still read the same (``FolderHorizon``) keeps its other files.
/// With another salt, one pass decodes and renders them all.
struct PatronFolderBuild {
    var database: AccountDatabase
    var today: Day
    var rules: Rules
    var shard: Shard?
    var tokens: PatronToken
    var fingerprint: FolderFingerprint
    var previous: PublishedManifest
    var manifest: ManifestWriter
    var bundle: StagedBundle
    var content: SiteContent
    var folders: WorkerLocal<PatronFolderRenderer>
    var documents: WorkerLocal<(any PatronDocumentRenderer)?>
    var workers: Int
    var tally: PatronTally
    var progress: @Sendable (BuildProgress) -> Void

    /// One patron folder to build: kept from the published bundle, or rendered.
    enum Work: Sendable {
        /// `card` says which patron to render again should the folder's files be missing.
        case keep(token: String, card: String, folder: BuildManifest.Folder)
        /// Keep the undated files, write the dated ones for today.
        case refresh(token: String, folder: BuildManifest.Folder, bundle: PatronBundle)
        case render(token: String, digest: String, bundle: PatronBundle)
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

    /// A patron read, with its folder's token and fingerprint.
    typealias Read = (patron: AccountDatabase.PatronRead, token: String, digest: String)

    func run() throws {
        let main = Lane(writer: manifest)
        guard previous.salt == fingerprint.salt.lowercaseHex else {
            try render(main) { emit in
                try eachPatron(in: database, decoding: .all) { read in
                    if let patron = read.patron.bundle { try emit(.render(token: read.token, digest: read.digest, bundle: patron)) }
                }
            }
            return
        }
        guard previous.date == today else {
            try render(main) { emit in
                try eachPatron(in: database, decoding: .all) { read in
                    guard let patron = read.patron.bundle else { return }
                    if let kept = previous.folder(read.token), kept.digest == read.digest, kept.isCurrent(on: today) {
                        try emit(.refresh(token: read.token, folder: kept, bundle: patron))
                    } else {
                        try emit(.render(token: read.token, digest: read.digest, bundle: patron))
                    }
                }
            }
            return
        }
        var changed = try keepUnchanged(main)
        // A kept folder whose files went missing from the published bundle is rendered again.
        let missing = lost.cards
        if !missing.isEmpty { changed = (changed + missing).sorted() }
        if changed.count <= max(100, tally.total / 50) {
            try render(main) { emit in
                for card in changed {
                    // Digested again in the read that decodes it: what is recorded is what was rendered.
                    guard let read = try database.read(card: card, today: today, rules: rules, documents: fingerprint.documents),
                          let patron = read.bundle else { continue }
                    let token = tokens.token(card: read.card, version: read.keyVersion)
                    try emit(.render(token: token, digest: fingerprint.digest(of: read.rows, token: token), bundle: patron))
                }
            }
        } else {
            let cards = Set(changed)
            try render(main) { emit in
                try eachPatron(in: database, decoding: .only(cards)) { read in
                    if let patron = read.patron.bundle { try emit(.render(token: read.token, digest: read.digest, bundle: patron)) }
                }
            }
        }
    }

    private let lost = LostFolders()

    /// Pass 1: digests every patron, keeps the folders that did not change, and returns
    /// the cards of those that did, in card order. Reading is most of a rebuild's work,
    /// so each half of the cards has its reader when there are two cores or more.
    private func keepUnchanged(_ main: Lane) throws -> [String] {
        guard workers > 1, let middle = try database.middleCard() else {
            var changed: [String] = []
            try render(main) { emit in
                try eachPatron(in: database, decoding: .none) { read in
                    if let work = keep(read) { try emit(work) } else { changed.append(read.patron.card) }
                }
            }
            return changed
        }
        let second = Lane(writer: try ManifestWriter(path: manifest.path + ".second", header: nil))
        let other = try AccountDatabase(path: database.file, cacheKiB: 2048)
        var first: [String] = [], later: [String] = []
        let stopped = StopFlag()
        try ParallelRenderer(workers: workers).run(produce: { emit in
            try withoutActuallyEscaping(emit) { emit in
                let secondHalf = Background { [self] in
                    var changed: [String] = []
                    try eachPatron(in: other, cards: CardRange(from: middle.card), firstPosition: middle.position,
                                   decoding: .none) { read in
                        if stopped.isSet { throw CancellationError() }
                        if let work = keep(read) { try second.emit(work, emit) } else { changed.append(read.patron.card) }
                    }
                    return changed
                }
                do {
                    try eachPatron(in: database, cards: CardRange(before: middle.card), decoding: .none) { read in
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
        try manifest.append(second.writer)
        return first + later
    }

    /// What to do with a patron whose folder may be kept; `nil` when it changed.
    private func keep(_ read: Read) -> Work? {
        guard let kept = previous.folder(read.token), kept.digest == read.digest, kept.isCurrent(on: today) else { return nil }
        return .keep(token: read.token, card: read.patron.card, folder: kept)
    }

    /// Runs the work `produce` hands out on all cores.
    private func render(_ lane: Lane, _ produce: (_ emit: (Work) throws -> Void) throws -> Void) throws {
        try ParallelRenderer(workers: workers).run(produce: { emit in
            try withoutActuallyEscaping(emit) { emit in
                try produce { work in try lane.emit(work, emit) }
            }
        }, work: work)
    }

    /// Reads the patrons of this shard (from `cards`, the first at `firstPosition` in card order).
    private func eachPatron(in database: AccountDatabase, cards: CardRange = CardRange(), firstPosition: Int = 0,
                            decoding: AccountDatabase.Decoding, _ body: (Read) throws -> Void) throws {
        var position = firstPosition
        try database.forEachPatron(today: today, rules: rules, cards: cards, decoding: decoding, documents: fingerprint.documents) { read in
            defer { position += 1 }
            guard shard?.contains(patronAt: position) ?? true else { return }
            let token = tokens.token(card: read.card, version: read.keyVersion)
            try body((read, token, fingerprint.digest(of: read.rows, token: token)))
        }
    }

    /// Builds one folder (on a worker thread).
    private var work: @Sendable ((Lane, Int, Work), Int) throws -> Void {
        { [self] item, worker in
            let (lane, position, work) = item
            do {
                switch work {
                case .keep(let token, let card, let kept):
                    // Already in the staging folder (from the previous bundle), or linked from the published one.
                    let folder = try BundlePath("private/\(token)")
                    if try bundle.holds(folder, token: token, as: kept) || bundle.keepFolder(folder, files: kept.files) {
                        lane.writer.record(position: position, token: token, folder: kept)
                        tally.add(files: 0, kept: .whole, progress: progress)
                    } else {
                        lost.add(card)
                        lane.writer.skip(position: position)
                    }
                case .refresh(let token, let kept, let patron):
                    let folder = try BundlePath("private/\(token)")
                    let undated = kept.files.filter { !PrivateFolderLayout.datedFiles.contains($0) }
                    guard try bundle.keepFolder(folder, files: undated) else {
                        // Its files went missing from the published bundle: all of them again.
                        return try render(token: token, digest: kept.digest, patron, lane: lane, position: position, worker: worker)
                    }
                    let dated = try renderFiles(patron, token: token, datedOnly: true, worker: worker)
                    for file in dated.files { try bundle.write(file) }
                    let names = (undated + Self.names(of: dated.files, in: folder)).sorted()
                    lane.writer.record(position: position, token: token,
                                       folder: .init(digest: kept.digest, files: names, renderedOn: kept.renderedOn, changesOn: kept.changesOn))
                    tally.add(files: dated.files.count, kept: .refreshed, progress: progress)
                case .render(let token, let digest, let patron):
                    try render(token: token, digest: digest, patron, lane: lane, position: position, worker: worker)
                }
            } catch {
                lane.writer.abandon()
                throw error
            }
        }
    }

    /// Renders a whole folder and records it.
    private func render(token: String, digest: String, _ patron: PatronBundle, lane: Lane, position: Int, worker: Int) throws {
        let folder = try BundlePath("private/\(token)")
        try bundle.clear(folder)
        let rendered = try renderFiles(patron, token: token, datedOnly: false, worker: worker)
        for file in rendered.files { try bundle.write(file) }
        let names = Self.names(of: rendered.files, in: folder).sorted()
        lane.writer.record(position: position, token: token,
                           folder: .init(digest: digest, files: names, renderedOn: today, changesOn: rendered.changesOn))
        tally.add(files: rendered.files.count, kept: .no, progress: progress)
    }

    /// The files' paths relative to `folder`, as the manifest lists them.
    private static func names(of files: [RenderedFile], in folder: BundlePath) -> [String] {
        files.map { String($0.path.value.dropFirst(folder.value.count + 1)) }
    }

    /// The folder's pages and feeds, then its documents (the summary PDF, which is dated).
    private func renderFiles(_ patron: PatronBundle, token: String, datedOnly: Bool, worker: Int) throws -> PatronFolderRenderer.Folder {
        let folder = try BundlePath("private/\(token)")
        var rendered = try folders[worker].render(patron, token: token, datedOnly: datedOnly)
        if let renderer = documents[worker] {
            for document in try renderer.files(for: patron, content: content)
            where !datedOnly || PrivateFolderLayout.datedFiles.contains(document.name) {
                rendered.files.append(RenderedFile(path: try folder.appending(document.name), bytes: document.bytes))
            }
        }
        return rendered
    }
}
