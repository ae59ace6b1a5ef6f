import Foundation

/// Writes a saved search's feed, `recherches/<id>.rss`, with the RSS 2.0 writer
/// (``RSSWriter``, merged from branch `ics`).
///
/// Deterministic: the channel's `lastBuildDate` is the newest item's date (none
/// when there is no item), never the clock, so a feed whose matches did not
/// change keeps the same bytes from one night to the next.
struct SavedSearchFeedRenderer {
    let content: SiteContent
    /// The patron's folder, absolute and ending in `/` (`<private_base_url><token>/`).
    let folderURL: String

    func file(for feed: SavedSearchFeed, at path: BundlePath) -> RenderedFile {
        let zone = TimeZone(identifier: content.config.timeZone) ?? TimeZone(identifier: "UTC")!
        let items = feed.items.map { item in
            RSSItem(title: item.title, link: item.link, description: item.summary, guid: item.guid,
                    guidIsPermaLink: false, pubDate: item.published.instant(in: zone), categories: item.categories)
        }
        let rss = RSSFeed(
            title: "\(feed.title) — \(content.config.networkName)",
            link: folderURL + PrivateFolderLayout.searches.file,
            description: feed.description,
            selfURL: folderURL + PrivateFolderLayout.searchFeed(feed.searchID),
            lastBuildDate: feed.items.map(\.published).max()?.instant(in: zone),
            timeZone: zone,
            items: items)
        return RenderedFile(path: path, text: RSSWriter().render(rss))
    }
}
