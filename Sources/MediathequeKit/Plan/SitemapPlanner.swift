/// Plans `sitemap.xml` (sitemaps.org protocol 0.9): one file while the pages fit
/// in a sitemap's limits (50,000 URLs, 50 MiB), else a sitemap index at
/// `sitemap.xml` pointing to parts `sitemap-1.xml`, `sitemap-2.xml`...
///
/// Sitemaps need absolute URLs: each is the site's base URL followed by the page's
/// path, a folder's `index.html` left out (`https://…/agenda/`).
///
/// ```swift
/// let planner = SitemapPlanner(baseURL: "https://mediatheques.example/")
/// let documents = planner.documents(for: [planner.entry(forPage: "agenda/index.html")])
/// // one document, "sitemap.xml", with <loc>https://mediatheques.example/agenda/</loc>
/// ```
public struct SitemapPlanner: Sendable {
    /// The protocol's limits for one file.
    public static let maximumURLs = 50_000
    public static let maximumBytes = 50 * 1024 * 1024

    /// Absolute, ending in `/`.
    public var baseURL: String
    public var maximumURLs: Int
    public var maximumBytes: Int

    public init(baseURL: String, maximumURLs: Int = SitemapPlanner.maximumURLs,
                maximumBytes: Int = SitemapPlanner.maximumBytes) {
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        self.maximumURLs = max(1, maximumURLs)
        self.maximumBytes = maximumBytes
    }

    /// The entry of a page of `public/` (`path` relative to it).
    public func entry(forPage path: String, lastModified: Day? = nil) -> SitemapEntry {
        var path = path
        if path == "index.html" { path = "" } else if path.hasSuffix("/index.html") { path.removeLast("index.html".count) }
        return SitemapEntry(location: baseURL + path, lastModified: lastModified)
    }

    /// The sitemap files for `entries`, in the order given: `sitemap.xml` alone, or the
    /// index `sitemap.xml` followed by its parts.
    public func documents(for entries: [SitemapEntry]) -> [SitemapDocument] {
        var parts: [[SitemapEntry]] = []
        var current: [SitemapEntry] = []
        var bytes = SitemapDocument.urlSetOverhead
        for entry in entries {
            let size = entry.xml.utf8.count
            if !current.isEmpty && (current.count >= maximumURLs || bytes + size > maximumBytes) {
                parts.append(current)
                current = []
                bytes = SitemapDocument.urlSetOverhead
            }
            current.append(entry)
            bytes += size
        }
        if !current.isEmpty || parts.isEmpty { parts.append(current) }
        if parts.count == 1 { return [SitemapDocument(path: "sitemap.xml", content: .urls(parts[0]))] }
        let names = parts.indices.map { "sitemap-\($0 + 1).xml" }
        return [SitemapDocument(path: "sitemap.xml", content: .index(names.map { baseURL + $0 }))]
            + zip(names, parts).map { SitemapDocument(path: $0, content: .urls($1)) }
    }
}

/// One page in a sitemap.
public struct SitemapEntry: Hashable, Sendable {
    /// Absolute URL.
    public var location: String
    public var lastModified: Day?

    public init(location: String, lastModified: Day? = nil) {
        self.location = location
        self.lastModified = lastModified
    }

    /// `<url>…</url>` and its line break.
    var xml: String {
        var text = "<url><loc>\(Text.escapeMarkup(location))</loc>"
        if let lastModified { text += "<lastmod>\(lastModified.iso)</lastmod>" }
        return text + "</url>\n"
    }
}

/// One file of the sitemap: a set of URLs, or an index of other sitemap files.
public struct SitemapDocument: Hashable, Sendable {
    public enum Content: Hashable, Sendable {
        case urls([SitemapEntry])
        /// Absolute URLs of the parts.
        case index([String])
    }

    /// Relative to `public/`.
    public var path: String
    public var content: Content

    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    static let namespace = "http://www.sitemaps.org/schemas/sitemap/0.9"
    static let urlSetOverhead = (header + "<urlset xmlns=\"\(namespace)\">\n</urlset>\n").utf8.count

    /// The file's text.
    public var xml: String {
        switch content {
        case .urls(let entries):
            return Self.header + "<urlset xmlns=\"\(Self.namespace)\">\n" + entries.map(\.xml).joined() + "</urlset>\n"
        case .index(let locations):
            return Self.header + "<sitemapindex xmlns=\"\(Self.namespace)\">\n"
                + locations.map { "<sitemap><loc>\(Text.escapeMarkup($0))</loc></sitemap>\n" }.joined() + "</sitemapindex>\n"
        }
    }
}
