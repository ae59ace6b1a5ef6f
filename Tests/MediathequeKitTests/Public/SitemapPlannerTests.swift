import Testing
@testable import MediathequeKit

struct SitemapPlannerTests {
    let planner = SitemapPlanner(baseURL: "https://mediatheques.example/")

    @Test func pagesGetAbsoluteFolderURLs() {
        #expect(planner.entry(forPage: "index.html").location == "https://mediatheques.example/")
        #expect(planner.entry(forPage: "agenda/index.html").location == "https://mediatheques.example/agenda/")
        #expect(planner.entry(forPage: "agenda/mois/2025-03/index.html").location == "https://mediatheques.example/agenda/mois/2025-03/")
        #expect(SitemapPlanner(baseURL: "https://x.example/site").entry(forPage: "a/index.html").location == "https://x.example/site/a/")
    }

    @Test func aSmallSiteIsOneFile() {
        let entries = [planner.entry(forPage: "index.html"),
                       planner.entry(forPage: "agenda/e1/index.html", lastModified: Day(iso: "2025-03-08"))]
        let documents = planner.documents(for: entries)
        #expect(documents.count == 1)
        #expect(documents[0].path == "sitemap.xml")
        #expect(documents[0].xml == """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            <url><loc>https://mediatheques.example/</loc></url>
            <url><loc>https://mediatheques.example/agenda/e1/</loc><lastmod>2025-03-08</lastmod></url>
            </urlset>

            """)
    }

    @Test func exactlyTheLimitStillFitsInOneFile() {
        let entries = (0..<SitemapPlanner.maximumURLs).map { SitemapEntry(location: "https://mediatheques.example/agenda/e\($0)/") }
        let documents = planner.documents(for: entries)
        #expect(documents.map(\.path) == ["sitemap.xml"])
    }

    @Test func pastFiftyThousandURLsItBecomesAnIndexAndParts() throws {
        let entries = (0..<(2 * SitemapPlanner.maximumURLs + 1)).map {
            SitemapEntry(location: "https://mediatheques.example/agenda/e\($0)/")
        }
        let documents = planner.documents(for: entries)
        #expect(documents.map(\.path) == ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"])
        guard case .index(let locations) = documents[0].content else {
            Issue.record("sitemap.xml is not an index")
            return
        }
        #expect(locations == ["https://mediatheques.example/sitemap-1.xml", "https://mediatheques.example/sitemap-2.xml",
                              "https://mediatheques.example/sitemap-3.xml"])
        #expect(documents[0].xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n<sitemap><loc>https://mediatheques.example/sitemap-1.xml</loc></sitemap>\n"))
        var all: [SitemapEntry] = []
        for document in documents.dropFirst() {
            guard case .urls(let part) = document.content else { Issue.record("\(document.path) is not a URL set"); return }
            #expect(part.count <= SitemapPlanner.maximumURLs)
            all += part
        }
        #expect(all == entries) // every URL once, in order
        #expect(documents.last.map { doc in if case .urls(let p) = doc.content { p.count } else { 0 } } == 1)
    }

    @Test func aSmallLimitSplitsTheSameWay() {
        let small = SitemapPlanner(baseURL: "https://mediatheques.example", maximumURLs: 2)
        let entries = (0..<5).map { small.entry(forPage: "agenda/e\($0)/index.html") }
        let documents = small.documents(for: entries)
        #expect(documents.map(\.path) == ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"])
        #expect(documents[3].xml.contains("<loc>https://mediatheques.example/agenda/e4/</loc>"))
    }

    @Test func theByteLimitSplitsToo() {
        let entry = SitemapEntry(location: "https://mediatheques.example/agenda/e/")
        let size = "<url><loc>https://mediatheques.example/agenda/e/</loc></url>\n".utf8.count
        let limit = SitemapDocument.urlSetOverhead + 3 * size
        let small = SitemapPlanner(baseURL: "https://mediatheques.example/", maximumBytes: limit)
        let documents = small.documents(for: Array(repeating: entry, count: 7))
        #expect(documents.count == 4) // index + 3 parts of 3, 3, 1
        for document in documents.dropFirst() { #expect(document.xml.utf8.count <= limit) }
        #expect(documents[1].xml.utf8.count == limit)
    }

    @Test func locationsAreEscaped() {
        let documents = planner.documents(for: [SitemapEntry(location: "https://x.example/?a=1&b=<2>")])
        #expect(documents[0].xml.contains("<loc>https://x.example/?a=1&amp;b=&lt;2&gt;</loc>"))
    }

    @Test func noPageStillGivesAValidEmptySitemap() {
        let documents = planner.documents(for: [])
        #expect(documents.map(\.path) == ["sitemap.xml"])
        #expect(documents[0].xml.contains("<urlset"))
    }
}
