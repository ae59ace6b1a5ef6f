import Testing
@testable import MediathequeKit

/// Every public page says what a social network shows when it is shared (Open Graph,
/// Twitter card), with absolute URLs and text that stays text.
struct SharingTagsTests {
    typealias S = PublicTestSupport

    static func tag(_ property: String, _ html: String) -> String? {
        let attribute = property.hasPrefix("og:") ? "property" : "name"
        guard let start = html.range(of: "<meta \(attribute)=\"\(property)\" content=\"") else { return nil }
        return html[start.upperBound...].prefix { $0 != "\"" }.description
    }

    @Test func everyPageHasEveryTag() throws {
        let files = try S.render(S.content(events: [EventPageTests.event]))
        let pages = files.filter { $0.key.hasSuffix(".html") }
        #expect(pages.count > 5)
        for (path, html) in pages {
            for property in ["og:title", "og:type", "og:url", "og:image", "og:image:alt", "og:description", "og:site_name",
                             "og:locale", "twitter:card", "twitter:title", "twitter:description", "twitter:image"] {
                #expect(Self.tag(property, html).map { !$0.isEmpty } == true, "\(path): \(property)")
            }
            #expect(Self.tag("og:locale", html) == "fr_FR")
            #expect(Self.tag("og:site_name", html) == "Médiathèques de Saint-Étienne")
            #expect(Self.tag("og:image", html) == "https://mediatheques.example/assets/partage.png", "\(path)")
            #expect(Self.tag("og:url", html)?.hasPrefix("https://mediatheques.example/") == true, "\(path)")
        }
        #expect(Self.tag("og:url", try #require(files["index.html"])) == "https://mediatheques.example/")
        #expect(Self.tag("og:url", try #require(files["agenda/club.lecture-2025/index.html"]))
                == "https://mediatheques.example/agenda/club.lecture-2025/")
        #expect(Self.tag("og:title", try #require(files["agenda/club.lecture-2025/index.html"])) == "Club de lecture")
    }

    @Test func hostileTextStaysInItsAttribute() throws {
        let page = try #require(try S.render(HostileTextTests.content())["agenda/hostile/index.html"])
        #expect(Self.tag("og:title", page)?.hasPrefix("&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt; &amp; ]]&gt; &#39;q&#39;") == true)
        #expect(Self.tag("og:description", page) == "Résumé &lt;img src=x onerror=alert(1)&gt; ")
        #expect(Self.tag("og:site_name", page) == "Réseau &lt;des&gt; &quot;médiathèques&quot;")
        // The event's own image, its URL cleaned as the page's <img> has it.
        #expect(Self.tag("og:image", page) == "https://img.example/a%20b%22%3Cc%3E.jpg")
        #expect(Self.tag("og:image:alt", page) == "x&quot; onerror=&quot;alert(1)")
        #expect(Self.tag("twitter:card", page) == "summary_large_image")
        // A javascript: image is no image: the site's is shown.
        let long = try #require(try S.render(HostileTextTests.content())["agenda/long/index.html"])
        #expect(Self.tag("og:image", long) == "https://mediatheques.example/assets/partage.png")
    }

    @Test func theSiteImageIsConfigurable() throws {
        var config = try SiteConfiguration.parse("base_url = https://bib.example/\nshare_image = img/a.png\n", file: "site.conf")
        #expect(config.shareImageURL == "https://bib.example/img/a.png")
        config = try SiteConfiguration.parse("share_image = https://cdn.example/a.png\n", file: "site.conf")
        #expect(config.shareImageURL == "https://cdn.example/a.png")
        config = try SiteConfiguration.parse("share_image =\n", file: "site.conf")
        #expect(config.shareImageURL == nil)
        let page = try #require(try S.render(S.content(events: [EventPageTests.event], config: config))["index.html"])
        #expect(Self.tag("og:image", page) == nil)
        #expect(Self.tag("twitter:card", page) == "summary")
        for bad in ["javascript:alert(1)", "/abs.png", "a b.png"] {
            #expect(throws: (any Error).self) { try SiteConfiguration.parse("share_image = \(bad)\n", file: "site.conf") }
        }
    }
}
