/// Reads the patrons of a build's shard in card order, each with its folder's token and
/// fingerprint.
struct PatronReader: Sendable {
    let database: AccountDatabase
    let today: Day
    let rules: Rules
    let shard: Shard?
    let tokens: PatronToken
    let fingerprint: FolderFingerprint

    /// A patron read, with its folder's token and fingerprints.
    typealias Read = (patron: AccountDatabase.PatronRead, token: String, digests: FolderFingerprint.Digests)

    /// The same reader on a connection of its own.
    func onNewConnection() throws -> PatronReader {
        PatronReader(database: try AccountDatabase(path: database.path, named: database.file, cacheKiB: 2048), today: today, rules: rules,
                     shard: shard, tokens: tokens, fingerprint: fingerprint)
    }

    /// Reads the patrons of this shard (from `cards`, the first at `firstPosition` in card order).
    func eachPatron(cards: CardRange = CardRange(), firstPosition: Int = 0, decoding: AccountDatabase.Decoding,
                    _ body: (Read) throws -> Void) throws {
        var position = firstPosition
        try database.forEachPatron(today: today, rules: rules, cards: cards, decoding: decoding, documents: fingerprint.documents) { read in
            defer { position += 1 }
            guard shard?.contains(patronAt: position) ?? true else { return }
            let token = tokens.token(card: read.card, version: read.keyVersion)
            try body((read, token, try fingerprint.digests(of: read.rows, token: token)))
        }
    }

    /// Reads and decodes one patron; `nil` when there is no such patron to render.
    func read(card: String) throws -> (bundle: PatronBundle, token: String, digests: FolderFingerprint.Digests)? {
        guard let read = try database.read(card: card, today: today, rules: rules, documents: fingerprint.documents),
              let patron = read.bundle else { return nil }
        let token = tokens.token(card: read.card, version: read.keyVersion)
        return (patron, token, try fingerprint.digests(of: read.rows, token: token))
    }
}
