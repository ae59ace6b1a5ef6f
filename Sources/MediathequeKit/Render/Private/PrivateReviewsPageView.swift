import Mustache

/// `avis.html`, "Mes avis": each review with its document, its rating ("4/5" and
/// stars with a text alternative) and where moderation stands.
final class PrivateReviewsPageView {
    final class ReviewItem {
        let document: PrivateDocumentView
        let reviewTitle: String
        let body: String
        let pseudonym: String
        let writtenOn: String
        let writtenAt: String
        let rating: String
        let stars: String
        let ratingAlternative: String
        let moderation: String
        let moderationCode: String

        init(_ review: Review, links: PortalLinks) {
            let rating = min(5, max(0, review.rating))
            document = PrivateDocumentView(review.document, links: links)
            reviewTitle = HTMLText.clean(review.title)
            body = HTMLText.clean(review.body)
            pseudonym = HTMLText.clean(review.pseudonym)
            writtenOn = review.writtenAt.day.french
            writtenAt = review.writtenAt.frenchTime
            self.rating = "\(rating)/5"
            stars = String(repeating: "★", count: rating) + String(repeating: "☆", count: 5 - rating)
            ratingAlternative = "Note : \(rating) sur 5"
            moderation = review.status.label
            moderationCode = review.status.rawValue
        }
    }

    let page: PageView
    let nav: PrivateNavigation
    let reviews: [ReviewItem]
    let hasReviews: Bool

    init(bundle: PatronBundle, content: SiteContent) {
        page = PageView(content: content, title: PrivateFolderLayout.reviews.title, depth: 1, isPrivate: true)
        nav = PrivateNavigation(current: PrivateFolderLayout.reviews, depth: 1, patron: bundle.own.patron)
        reviews = bundle.own.reviews.map { [links = PortalLinks(content.config)] in ReviewItem($0, links: links) }
        hasReviews = !reviews.isEmpty
    }
}

// MARK: - Mustache lookup

// Mustache finds each name through these switches rather than a `Mirror`, which took half of a
// build's time; keep them in step with the stored properties (`PrivateViewLookupTests` checks).

extension PrivateReviewsPageView.ReviewItem: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "document": self.document
        case "reviewTitle": self.reviewTitle
        case "body": self.body
        case "pseudonym": self.pseudonym
        case "writtenOn": self.writtenOn
        case "writtenAt": self.writtenAt
        case "rating": self.rating
        case "stars": self.stars
        case "ratingAlternative": self.ratingAlternative
        case "moderation": self.moderation
        case "moderationCode": self.moderationCode
        default: nil
        }
    }
}

extension PrivateReviewsPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": self.page
        case "nav": self.nav
        case "reviews": self.reviews
        case "hasReviews": self.hasReviews
        default: nil
        }
    }
}
