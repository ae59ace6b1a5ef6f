/// SEAM(ics): turns a saved search's ``SavedSearchFeed`` into `recherches/<id>.rss`.
///
/// The RSS 2.0 serialization (`RSSWriter`/`RSSFeed`) is being written on branch
/// `ics` and is not there yet. Until it is merged, this returns `nil`: the items
/// are computed (``SavedSearchResolver``), counted on `recherches.html` and linked,
/// but no `.rss` file is written. To finish: map `feed` to an `RSSFeed` (channel
/// title = the search's name, link = the folder's `recherches.html`, one item per
/// ``SavedSearchFeed/Item`` with its guid, title, link, summary, date, categories)
/// and return `RenderedFile(path: path, text: RSSWriter().write(rss))`.
enum SavedSearchFeedFile {
    static func file(for feed: SavedSearchFeed, at path: BundlePath, content: SiteContent) throws -> RenderedFile? {
        nil
    }
}
