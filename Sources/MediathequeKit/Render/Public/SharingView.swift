/// The Open Graph and Twitter card tags of a public page (`public/partials/sharing`): what a
/// social network or a messaging app shows when someone shares the page's address.
///
/// Every text is cleaned by ``HTMLText`` and escaped by Mustache inside its `content`
/// attribute; URLs are absolute, as the protocols require.
struct SharingView {
    var title: String
    /// `website`: Open Graph has no type for an event, and `article` would promise an author and a date.
    var type = "website"
    var url: String
    var image: String?
    var imageAlt: String?
    var description: String
    var siteName: String
    var locale = "fr_FR"
    /// `summary_large_image` with an image, else `summary`.
    var card: String

    init(title: String, url: String, image: (url: String, alt: String)?, description: String, siteName: String) {
        self.title = HTMLText.clean(title)
        self.url = url
        self.image = image?.url
        imageAlt = image.map { HTMLText.clean($0.alt) }
        self.description = HTMLText.clean(String(description.prefix(300)))
        self.siteName = HTMLText.clean(siteName)
        card = image == nil ? "summary" : "summary_large_image"
    }
}
