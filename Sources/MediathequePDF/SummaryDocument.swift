import MediathequeKit

/// The summary PDF as one of a patron folder's documents: a build makes one per worker
/// (``SummaryPDFRenderer`` is not thread-safe) through `SiteBuilder.documentRenderer`.
public struct SummaryDocument: PatronDocumentRenderer {
    let renderer: SummaryPDFRenderer

    public init(config: SiteConfiguration, fonts: SummaryFonts = .system) {
        renderer = SummaryPDFRenderer(networkName: config.networkName, rules: config.rules,
                                      portalURL: config.actions[.portal]?.url(), fonts: fonts)
    }

    public func files(for bundle: PatronBundle, content: SiteContent) throws -> [(name: String, bytes: [UInt8])] {
        [(PrivateFolderLayout.summaryPDF, try renderer.render(bundle, today: content.today, situation: content.situationDay, sessions: content.session))]
    }
}
