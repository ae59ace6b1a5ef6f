@testable import MediathequePDF
import Testing

/// Shaping: every script the patrons' names and titles may use has a font.
@Suite("Summary PDF: text engine")
struct TextEngineTests {
    @Test(arguments: [
        "Zażółć gęślą jaźń", "Çağrı İnönü Şimşek ığüöş", "ليلى حداد — ألف ليلة وليلة", "山田 花子 — マンガの夜",
        "עמית כהן", "Ελληνικά κείμενα", "Кириллица", "Tiếng Việt có dấu", "<b>&amp;</b>",
    ])
    func everyCharacterHasAGlyph(_ sample: String) {
        let engine = TextEngine()
        for style in TextStyle.allCases {
            let block = engine.block(sample, style, width: 200)
            #expect(engine.unknownGlyphCount(block) == 0, "\(style) cannot show \(sample)")
            #expect(block.height > 0)
        }
    }

    @Test func repeatedStringsAreShapedOnce() {
        let engine = TextEngine()
        let first = engine.block("Tarentaize", .cell, width: 50)
        #expect(engine.block("Tarentaize", .cell, width: 50) == first)
        #expect(engine.block("Tarentaize", .cellBold, width: 50) != first)
        engine.finishDocument()
        #expect(engine.block("Tarentaize", .cell, width: 50) == first)
    }

    @Test func unusedLayoutsAreDroppedBeyondTheLimit() {
        let engine = TextEngine(retainedLayouts: 2)
        let kept = engine.block("kept", .cell, width: 50)
        let dropped = [engine.block("dropped", .cell, width: 50), engine.block("also dropped", .cell, width: 50)]
        engine.finishDocument()
        _ = engine.block("kept", .cell, width: 50)
        engine.finishDocument()
        // Only "kept" was used by the last document: it stays, the others' slots are reused.
        #expect(engine.block("kept", .cell, width: 50) == kept)
        #expect(dropped.map(\.id).contains(engine.block("new", .cell, width: 50).id))
    }

    @Test func nulByteDoesNotCutTheText() {
        let engine = TextEngine()
        let withNul = engine.block("avant\u{0}après la coupure", .cell, width: 500)
        let withReplacement = engine.block("avant\u{FFFD}après la coupure", .cell, width: 500)
        #expect(withNul.width == withReplacement.width)
    }

    @Test func longWordsWrapWithinTheWidth() {
        let engine = TextEngine()
        let block = engine.block(String(repeating: "W", count: 500), .cell, width: 60)
        #expect(block.width <= 60.5)
        #expect(block.lineCount > 10)
        let lines = engine.lines(of: block)
        #expect(lines.count == block.lineCount)
        #expect(zip(lines, lines.dropFirst()).allSatisfy { $0.bottom <= $1.top + 0.01 })
    }
}
