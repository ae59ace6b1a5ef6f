import Testing
@testable import MediathequeKit

struct ShardTests {
    /// A shard's count of patrons is the number of positions it holds: the progress lines'
    /// total is the number of folders it builds.
    @Test func aShardCountsThePatronsItHolds() throws {
        for count in 1...4 {
            for total in 0...11 {
                for index in 0...count {
                    let shard = try #require(Shard("\(index)/\(count)"))
                    #expect(shard.patronCount(among: total) == (0..<total).filter(shard.contains(patronAt:)).count, "\(shard) of \(total)")
                }
            }
        }
    }
}
