/// A slice of a build, so that N machines can build one bundle together:
/// shard 0 is the public site, shard K (1…N) the K-th slice of the patrons.
/// The union of shards 0…N is exactly the bundle of a single build.
public struct Shard: Hashable, Sendable, CustomStringConvertible {
    public var index: Int
    public var count: Int

    /// Parses `K/N`.
    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, (0...n).contains(k) else { return nil }
        index = k
        count = n
    }

    public var buildsPublicSite: Bool { index == 0 }
    public var buildsPatronFolders: Bool { index > 0 }

    /// Whether the patron at `position` (0-based, in card order) belongs to this shard.
    public func contains(patronAt position: Int) -> Bool { index > 0 && position % count == index - 1 }

    /// How many of `total` patrons (positions 0 to `total` - 1) the shard holds.
    func patronCount(among total: Int) -> Int { index > 0 ? (total + count - index) / count : 0 }

    public var description: String { "\(index)/\(count)" }
}
