import MediathequeKit
import MediathequePDF

/// The summary PDF as one of a patron folder's documents (one renderer per worker).
struct SummaryDocument: PatronDocumentRenderer {
    let renderer: SummaryPDFRenderer

    init(config: SiteConfiguration) {
        renderer = SummaryPDFRenderer(networkName: config.networkName, rules: config.rules)
    }

    func files(for bundle: PatronBundle, content: SiteContent) throws -> [(name: String, bytes: [UInt8])] {
        [("synthese.pdf", try renderer.render(bundle, today: content.today, sessions: content.session))]
    }
}
