import MediathequeKit

/// Renders "Synthèse de mes comptes" (`private/<token>/synthese.pdf`): a patron's own
/// account and each shared account, as an A4 PDF to download, keep and print.
///
/// The text is real, selectable text in embedded font subsets, shaped by pango, so
/// names and titles in any script installed fonts cover (Polish, Turkish, Arabic,
/// Japanese, ...) come out right; the file is a tagged PDF (headings, tables, links)
/// and its bytes depend only on the inputs: the same bundle, rules and reference
/// date give the same file.
///
/// A renderer keeps its font map, pango context and shaped strings from one document
/// to the next: create one per thread or worker and reuse it. It is not thread-safe.
///
/// ```swift
/// let renderer = SummaryPDFRenderer(networkName: config.networkName, rules: config.rules)
/// let pdf = try renderer.render(bundle, today: today, sessions: feed.session)
/// ```
public struct SummaryPDFRenderer {
    private let networkName: String
    private let rules: Rules
    private let portalURL: String?
    private let engine: TextEngine
    private let geometry = PageGeometry()

    /// - Parameters:
    ///   - networkName: shown at the top of every page and written as the document's author.
    ///   - rules: the library's rules, which judge each loan on the reference date.
    ///   - portalURL: the library's portal, shown once for what the summary cannot do (renew, cancel).
    ///   - fonts: what the text is set in (the site's fonts, or the system's).
    public init(networkName: String, rules: Rules, portalURL: String? = nil, fonts: SummaryFonts = .system) {
        self.networkName = networkName
        self.rules = rules
        self.portalURL = portalURL
        engine = TextEngine(fonts: fonts)
    }

    /// Renders the summary of `bundle` as it stands on `today`.
    ///
    /// - Parameters:
    ///   - bundle: the patron's own account, then the accounts shared with them.
    ///   - today: the build's reference date: every loan state and the registrations shown
    ///     follow from it (the clock is never read).
    ///   - situation: the day the document states, « Situation au … », and its date;
    ///     `today` when `nil` (``SiteContent/situationDay``).
    ///   - sessions: finds a registration's event and session in the agenda feed; `nil`
    ///     when the event has left the feed, and the registration is then left out.
    /// - Returns: the bytes of a complete PDF file.
    /// - Throws: ``SummaryPDFError`` naming the patron's card number when cairo fails;
    ///   no partial file is ever returned. Odd text (markup-like strings, control
    ///   characters, very long titles, right-to-left names) is not an error: it is shown as text.
    public func render(_ bundle: PatronBundle, today: Day, situation: Day? = nil,
                       sessions: (SessionKey) -> (event: Event, session: Session)?) throws -> [UInt8] {
        let situation = situation ?? today
        let content = SummaryContent(bundle: bundle, networkName: networkName, today: today, situation: situation, rules: rules,
                                     portalURL: portalURL, sessions: sessions)
        defer { engine.finishDocument() }
        var composer = SummaryComposer(text: engine, geometry: geometry)
        let document = composer.compose(content)
        let canvas = PDFCanvas(width: geometry.width, height: geometry.height, metadata: content.metadata(situation: situation),
                               text: engine)
        draw(document, content: content, on: canvas)
        do {
            return try canvas.finish()
        } catch {
            throw SummaryPDFError(cardNumber: bundle.own.patron.cardNumber, reason: .cairo(error.message))
        }
    }

    // MARK: - Drawing

    private func draw(_ document: ComposedDocument, content: SummaryContent, on canvas: PDFCanvas) {
        let pageCount = document.pages.count
        for (number, ops) in document.pages.enumerated() {
            runningHeader(document, page: number + 1, of: pageCount, content: content, on: canvas)
            for op in ops { draw(op, document: document, on: canvas) }
            canvas.showPage()
        }
    }

    /// The network's name and the title on top, the reference date and "Page n / N" below;
    /// drawn outside every structure tag, so assistive technology skips them.
    private func runningHeader(_ document: ComposedDocument, page: Int, of pageCount: Int, content: SummaryContent,
                               on canvas: PDFCanvas) {
        let left = geometry.margin
        let width = geometry.contentWidth
        let sideWidth = width * 0.36
        canvas.show(document.networkName, x: left, y: geometry.headerTop, color: Palette.accent)
        let title = engine.block(Wording.Summary.title, .running, width: sideWidth, alignment: .right)
        canvas.show(title, x: left + width - sideWidth, y: geometry.headerTop + 1, color: Palette.muted)
        let rule = document.bodyTop - 10
        canvas.stroke([Segment(x1: left, y1: rule, x2: left + width, y2: rule)], lineWidth: 0.8,
                      color: Palette.accent)
        canvas.stroke([Segment(x1: left, y1: geometry.footerRule, x2: left + width, y2: geometry.footerRule)],
                      lineWidth: 0.4, color: Palette.rule)
        let situation = engine.block(content.situation, .running, width: width - sideWidth)
        canvas.show(situation, x: left, y: geometry.footerText, color: Palette.muted)
        let number = engine.block("Page \(page) / \(pageCount)", .running, width: sideWidth, alignment: .right)
        canvas.show(number, x: left + width - sideWidth, y: geometry.footerText, color: Palette.muted)
    }

    private func draw(_ op: DrawOp, document: ComposedDocument, on canvas: PDFCanvas) {
        switch op {
        case .fill(let rectangles, let color):
            canvas.fill(rectangles, color: color)
        case .stroke(let segments, let outlines, let lineWidth, let color):
            canvas.stroke(segments, outlines: outlines, lineWidth: lineWidth, color: color)
        case .text(let block, let x, let y, let color):
            canvas.show(block, x: x, y: y, color: color)
        case .lines(let block, let lines, let x, let y, let color):
            canvas.show(block, lines: lines, x: x, y: y, color: color)
        case .lateMarker(let x, let y, let size):
            lateMarker(x: x, y: y, size: size, on: canvas)
        case .accountPage(let account, let x, let y, let width):
            let page = document.accountPages.indices.contains(account) ? document.accountPages[account] + 1 : 1
            canvas.show(engine.block("page \(page)", .body, width: width, alignment: .right), x: x, y: y,
                        color: Palette.ink)
        case .beginTag(let name, let attributes):
            canvas.beginTag(name, attributes: attributes)
        case .endTag(let name):
            canvas.endTag(name)
        }
    }

    /// A dark warning triangle with a white "!": shape, not colour, says "late".
    private func lateMarker(x: Double, y: Double, size: Double, on canvas: PDFCanvas) {
        let height = size * 0.88
        canvas.fillPolygon([(x + size / 2, y), (x + size, y + height), (x, y + height)], color: Palette.lateMark)
        let bar = size * 0.13
        canvas.fill([Rect(x: x + size / 2 - bar / 2, y: y + height * 0.34, width: bar, height: height * 0.34),
                     Rect(x: x + size / 2 - bar / 2, y: y + height * 0.76, width: bar, height: bar)],
                    color: Palette.white)
    }
}
