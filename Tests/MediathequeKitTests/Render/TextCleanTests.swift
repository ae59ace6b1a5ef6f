import Testing
@testable import MediathequeKit

struct TextCleanTests {
    @Test func removesWhatXMLAndHTMLForbid() {
        let controls = (0x00...0x1F).filter { $0 != 0x09 && $0 != 0x0A && $0 != 0x0D } + [0x7F] + Array(0x80...0x9F)
        for value in controls {
            let scalar = Unicode.Scalar(value)!
            #expect(Text.clean("a\(Character(scalar))b") == "ab", "U+\(String(value, radix: 16)) kept")
        }
        #expect(Text.clean("a" + RenderFixtures.noncharacters + "b") == "ab")
        let edges = String(String.UnicodeScalarView([0xFDEF, 0xFDCF, 0xFFFD, 0x10FFFE].map { Unicode.Scalar($0)! }))
        #expect(Text.clean("a" + edges + "b") == "a\u{FDCF}\u{FFFD}b")
    }

    @Test func normalizesLineBreaksToLineFeeds() {
        #expect(Text.clean("a\r\nb\rc\nd\r\r\ne") == "a\nb\nc\nd\n\ne")
        #expect(Text.clean("\r") == "\n")
    }

    @Test func keepsScriptsEmojiTabsAndMarks() {
        for text in [RenderFixtures.arabic, RenderFixtures.japanese, RenderFixtures.emoji, "a\tb", "\u{200F}א\u{202E}b", "é"] {
            #expect(Text.clean(text) == text)
        }
    }

    @Test func escapesMarkup() {
        #expect(Text.escapeMarkup(#"<a href="x">Tom & 'Jerry'</a> ]]>"#)
            == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt; ]]&gt;")
        #expect(Text.escapeMarkup("&amp;") == "&amp;amp;")
        #expect(Text.escapeMarkup("a\u{0}\u{85}b") == "ab")
    }

    @Test func escapedMarkupHasNoMarkupLeft() {
        let escaped = Text.escapeMarkup(RenderFixtures.hostile)
        #expect(!escaped.contains("<") && !escaped.contains(">") && !escaped.contains("\"") && !escaped.contains("'"))
    }

    @Test func cleansURLs() {
        #expect(Text.cleanURL(" https://ex.example/a b?q=\"<x>\"&r=1#f \n") == "https://ex.example/a%20b?q=%22%3Cx%3E%22&r=1#f")
        #expect(Text.cleanURL("https://ex.example/é\u{0}\r\n") == "https://ex.example/%C3%A9")
        #expect(Text.cleanURL("https://ex.example/%C3%A9?a=[1]&b=~{|}^`\\") == "https://ex.example/%C3%A9?a=[1]&b=~%7B%7C%7D%5E%60%5C")
        #expect(Text.cleanURL("https://ex.example/a\tb") == "https://ex.example/ab")
    }
}
