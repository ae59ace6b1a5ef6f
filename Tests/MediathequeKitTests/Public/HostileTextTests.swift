import Testing
@testable import MediathequeKit

/// Text from the feed or the database is shown as text, whatever it holds.
struct HostileTextTests {
    typealias S = PublicTestSupport

    static let forbidden: [Unicode.Scalar] = [
        0x0, 0x1, 0x8, 0xB, 0xC, 0x1B, 0x7F, 0x80, 0x85, 0x9F, 0xFDD0, 0xFDEF, 0xFFFE, 0xFFFF, 0x1FFFE, 0x10FFFF,
    ].map { Unicode.Scalar($0)! }
    static let controls = String(String.UnicodeScalarView(forbidden))
    /// A quote with a combining mark: one `Character`, that Mustache alone would not escape.
    static let markedQuote = "\"" + "\u{301}"
    static let longTitle = String(repeating: "Très long titre ", count: 125) // 2,000 characters
    static let arabic = "أمسية شعرية في المكتبة"
    static let japanese = "図書館で読書会"

    /// A feed and a database holding everything that could break a page.
    static func content() -> SiteContent {
        let library = Library(code: "X&Y <z>", name: "Biblio <b>\"'&</b>\(controls) \(arabic)", address: "1 rue ]]> \(controls)")
        let event = Event(
            id: "hostile", updated: S.at("2025-03-01T10:00"),
            title: "<script>alert(\"t\")</script> & ]]> 'q' \(controls)\(arabic) \(japanese)",
            summary: "Résumé <img src=x onerror=alert(1)> \u{1}",
            description: "Premier <b>paragraphe</b> & \"guillemets\" \(controls)\n\n\u{1}\n\nSecond ]]> paragraphe\r\n\(japanese)",
            categories: ["]]><script>", "Atelier \u{7F}", arabic, japanese],
            audience: "<i>Tout public</i>", conditions: "Entrée \"libre\" & gratuite\u{85}",
            contact: "'contact' <a href=x>", image: Event.Image(href: "https://img.example/a b\"<c>.jpg", alt: "x\"\u{301} onerror=\"alert(1)"),
            accessibility: [.hearing],
            sessions: [Session(id: "s1", library: library, start: S.at("2025-04-01T10:00"), end: S.at("2025-04-01T11:00"),
                               registration: .online, capacity: 5)])
        let long = Event(id: "long", updated: S.at("2025-03-01T10:00"), title: longTitle,
                         image: Event.Image(href: "javascript:alert(1)", alt: "js"),
                         sessions: [Session(id: "s1", library: S.libraries["TAR"]!, start: S.at("2025-04-02T10:00"),
                                            end: S.at("2025-04-02T11:00"), registration: .none)])
        var libraries = S.libraries
        libraries[library.code] = library
        var config = SiteConfiguration()
        config.networkName = "Réseau \u{1}<des> \"médiathèques\""
        return S.content(events: [event, long], libraries: libraries, config: config)
    }

    @Test func cleanRemovesWhatHTMLForbids() {
        let text = "a\tb\nc\r\nd\(Self.controls)é \u{A0}😀 \(Self.arabic)"
        #expect(HTMLText.clean(text) == "a\tb\nc\ndé \u{A0}😀 \(Self.arabic)")
        for scalar in Self.forbidden { #expect(!Text.isAllowed(scalar), "\(scalar.value)") }
        #expect(HTMLText.clean("plain text") == "plain text")
    }

    @Test func cleanIsolatesMarkupCharactersFromCombiningMarks() {
        #expect(HTMLText.clean("x\"\u{301} y").unicodeScalars.elementsEqual("x\" y".unicodeScalars))
        #expect(HTMLText.clean("\u{600}\"").unicodeScalars.elementsEqual("\"".unicodeScalars))
        #expect(HTMLText.clean("<\u{20D2}&\u{301}'\u{200D}").unicodeScalars.elementsEqual("<&'".unicodeScalars))
        #expect(HTMLText.clean("e\u{301}").unicodeScalars.elementsEqual("e\u{301}".unicodeScalars)) // accents stay
        for character in HTMLText.clean("a\"\u{301}<\u{302}>\u{303}&\u{304}'\u{305}") where character.unicodeScalars.count > 1 {
            #expect(!character.unicodeScalars.contains { "<>&\"'".unicodeScalars.contains($0) })
        }
    }

    @Test func urlsFromTheFeedAreKeptOnlyWhenHTTP() {
        #expect(HTMLText.httpURL("https://img.example/a b\"<c>.jpg") == "https://img.example/a%20b%22%3Cc%3E.jpg")
        #expect(HTMLText.httpURL("javascript:alert(1)") == nil)
        #expect(HTMLText.httpURL(" JAVASCRIPT:alert(1)") == nil)
        #expect(HTMLText.httpURL("//evil.example/x") == nil)
        #expect(HTMLText.httpURL("https://x.example/\u{1}a") == "https://x.example/a")
    }

    @Test func hostileTextIsShownAsTextOnEveryPage() throws {
        let files = try S.render(Self.content())
        for (path, html) in files where path.hasSuffix(".html") {
            #expect(!html.unicodeScalars.contains { !Text.isAllowed($0) }, "\(path) holds a forbidden character")
            // The one script is the event's JSON-LD (StructuredDataTests): nothing from the inputs opens another.
            let scripts = html.components(separatedBy: "<script").count - 1
            #expect(scripts <= 1 && scripts == html.components(separatedBy: "<script type=\"application/ld+json\">").count - 1
                    && scripts == html.components(separatedBy: "</script").count - 1, "\(path)")
            #expect(!html.containsBytes("<b>") && !html.containsBytes("<i>") && !html.containsBytes("<img src=x"), "\(path)")
            let markedQuote = Self.markedQuote
            #expect(!html.containsBytes(markedQuote), "\(path)")
            #expect(html.hasPrefix("<!DOCTYPE html>"), "\(path)")
        }
        let page = try #require(files["agenda/hostile/index.html"])
        #expect(page.containsBytes("<h1 dir=\"auto\">&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt; &amp; ]]&gt; &#39;q&#39; \(Self.arabic) \(Self.japanese)</h1>"))
        #expect(page.containsBytes("<img src=\"https://img.example/a%20b%22%3Cc%3E.jpg\" alt=\"x&quot; onerror=&quot;alert(1)\" loading=\"lazy\">"))
        #expect(page.containsBytes("<p class=\"description\" dir=\"auto\">Premier &lt;b&gt;paragraphe&lt;/b&gt; &amp; &quot;guillemets&quot; </p>"))
        #expect(page.containsBytes("Second ]]&gt; paragraphe\n\(Self.japanese)</p>"))
        #expect(page.containsBytes("<title>\u{2068}&lt;script&gt;")) // isolated: the network's name follows it
        #expect(page.containsBytes("Biblio &lt;b&gt;&quot;&#39;&amp;&lt;/b&gt; \(Self.arabic)"))
        #expect(page.containsBytes("agenda/lieux/x-y-z/index.html"))
        #expect(page.containsBytes("Réseau &lt;des&gt; &quot;médiathèques&quot;"))
        let long = try #require(files["agenda/long/index.html"])
        #expect(long.containsBytes("<h1 dir=\"auto\">\(Self.longTitle)</h1>"))
        #expect(!long.containsBytes("javascript:"))
        #expect(!long.containsBytes("<img"))
        let categories = files.keys.filter { $0.hasPrefix("agenda/categories/") && $0.hasSuffix(".html") }.sorted()
        #expect(categories == ["agenda/categories/atelier/index.html", "agenda/categories/categorie-2/index.html",
                               "agenda/categories/categorie/index.html", "agenda/categories/script/index.html"])
    }
}
