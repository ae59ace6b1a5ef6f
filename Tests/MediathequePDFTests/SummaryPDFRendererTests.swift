import MediathequeKit
import MediathequePDF
import Testing

struct SummaryPDFRendererTests {
    @Test func rendersFamily() throws {
        let pdf = try Rendering.render(Fixtures.family, named: "family")
        #expect(pdf.starts(with: Array("%PDF-".utf8)))
    }

    @Test func rendersHostile() throws {
        _ = try Rendering.render(Fixtures.hostile, named: "hostile")
        _ = try Rendering.render(Fixtures.manyLoans(90), named: "many")
        _ = try Rendering.render(Fixtures.empty, named: "empty")
    }
}
