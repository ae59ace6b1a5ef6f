import MediathequeKit

/// Lays a ``SummaryContent`` out on A4 pages: headings, the accounts in brief and
/// tables that continue across pages with their header repeated, each page an account
/// goes on to saying whose it is.
///
/// Every block of text is shaped by the ``TextEngine``; a block taller than what is
/// left of a page moves to the next one, and one taller than a whole page is split
/// between its lines, so no text is ever cut or drawn outside the body. Structure
/// tags stay balanced, and the tags that hold content (headings, paragraphs, cells,
/// links) never straddle a page break.
struct SummaryComposer {
    let text: TextEngine
    let geometry: PageGeometry
    var pages: [[DrawOp]] = [[]]
    var y = 0.0
    var bodyTop = 0.0
    var accountPages: [Int] = []
    /// The table being laid out, whose header is repeated on each new page.
    var openTable: TableFrame?
    /// The part of the open table on the current page.
    var fragment: TableFragment?
    /// "Mon compte — Aurore Boréale (suite)": atop each page an account's section continues on.
    var continuation: TextBlock?

    /// Inner spacing of table cells.
    let cellPadding = (x: 3.5, y: 3.0)
    /// Room taken in a cell by the late-loan marker.
    let markerWidth = 10.0

    init(text: TextEngine, geometry: PageGeometry = PageGeometry()) {
        self.text = text
        self.geometry = geometry
    }

    var bottom: Double { geometry.bodyBottom }
    var left: Double { geometry.margin }
    var width: Double { geometry.contentWidth }

    mutating func compose(_ content: SummaryContent) -> ComposedDocument {
        let networkName = text.block(content.networkName, .runningBold, width: width * 0.62)
        bodyTop = geometry.headerTop + max(networkName.height, 11) + 18
        y = bodyTop
        emit(.beginTag("Document", attributes: ""))
        titleBlock(content)
        if content.accounts.count > 1 { contents(content.accounts) }
        for (number, account) in content.accounts.enumerated() {
            accountSection(account, number: number)
        }
        emit(.endTag("Document"))
        return ComposedDocument(pages: pages, accountPages: accountPages, bodyTop: bodyTop, networkName: networkName)
    }

    // MARK: - Page flow

    mutating func emit(_ op: DrawOp) {
        pages[pages.count - 1].append(op)
    }

    mutating func newPage() {
        if let table = openTable { closeFragment(table) }
        pages.append([])
        y = bodyTop
        // Whose account the page goes on with: page furniture, like a repeated table header.
        if let continuation {
            emit(.text(continuation, x: left, y: y, Palette.muted))
            y += continuation.height + 8
        }
        if let table = openTable { startFragment(table, tagged: false) }
    }

    /// Starts a new page unless `height` more points fit on this one (or this one is still empty).
    mutating func keep(_ height: Double) {
        if y + height > bottom, y > bodyTop + 0.5 { newPage() }
    }

    /// Places `block` at `x`, inside its own `tag`; moves it to the next page if it does not
    /// fit, and splits it between lines (one tag per page) if it is taller than a page.
    /// - Returns: the top of its last part.
    @discardableResult
    mutating func paragraph(_ block: TextBlock, x: Double, tag: String, attributes: String = "",
                                    color: Color = Palette.ink) -> Double {
        if y + block.height > bottom, block.height <= bottom - bodyTop { newPage() }
        if y + block.height <= bottom {
            let top = y
            emit(.beginTag(tag, attributes: attributes))
            emit(.text(block, x: x, y: y, color))
            emit(.endTag(tag))
            y += block.height
            return top
        }
        let lines = text.lines(of: block)
        var start = 0
        var top = y
        while start < lines.count {
            var end = start
            while end < lines.count, lines[end].bottom - lines[start].top <= bottom - y { end += 1 }
            if end == start {
                if y > bodyTop + 0.5 { newPage(); continue }
                end = start + 1
            }
            top = y
            emit(.beginTag(tag, attributes: attributes))
            emit(.lines(block, start..<end, x: x, y: y, color))
            emit(.endTag(tag))
            y += lines[end - 1].bottom - lines[start].top
            start = end
            if start < lines.count { newPage() }
        }
        return top
    }

    // MARK: - Title and contents

    mutating func titleBlock(_ content: SummaryContent) {
        paragraph(text.block(Wording.Summary.title, .title, width: width), x: left, tag: "H1",
                  color: Palette.accent)
        y += 4
        paragraph(text.block(content.holderLine, .body, width: width), x: left, tag: "P")
        y += 2
        paragraph(text.block(content.situation, .bodyBold, width: width), x: left, tag: "P")
        y += 2
        paragraph(text.block(Wording.Summary.updates, .body, width: width), x: left, tag: "P")
        if let portal = content.portal {
            y += 2
            paragraph(text.block(portal, .body, width: width), x: left, tag: "P")
        }
        y += 16
    }

    /// The accounts of the document, each linked to its section, with its page.
    mutating func contents(_ accounts: [AccountPart]) {
        let pageWidth = 60.0
        let entries = accounts.map { text.block($0.heading, .body, width: width - pageWidth - 20) }
        let label = text.block(Wording.Summary.contents, .bodyBold, width: width)
        keep(label.height + 4 + entries[0].height + 6)
        paragraph(label, x: left, tag: "P")
        y += 4
        emit(.beginTag("TOC", attributes: ""))
        for (number, entry) in entries.enumerated() {
            keep(entry.height + 6)
            emit(.beginTag("TOCI", attributes: ""))
            y += 3
            let top = paragraph(entry, x: left + 10, tag: PDFCanvas.linkTag,
                                attributes: "dest=\(PDFCanvas.quoted(Self.destination(number)))", color: Palette.accent)
            emit(.beginTag("P", attributes: ""))
            emit(.accountPage(account: number, x: left + width - pageWidth, y: top, width: pageWidth))
            emit(.endTag("P"))
            emit(.endTag("TOCI"))
            y += 3
            emit(.stroke([Segment(x1: left + 10, y1: y, x2: left + width, y2: y)], outlines: [], lineWidth: 0.4,
                         Palette.rule))
        }
        emit(.endTag("TOC"))
        y += 20
    }

    /// The named destination of account `number`'s section.
    static func destination(_ number: Int) -> String { "compte-\(number + 1)" }

    // MARK: - Account

    mutating func accountSection(_ account: AccountPart, number: Int) {
        let heading = text.block(account.heading, .heading, width: width - 24)
        let card = text.block(account.card, .running, width: width - 24)
        let briefTitle = text.block(Wording.Summary.brief, .subheading, width: width)
        let brief = BriefBox(account, text: text, width: width)
        let bandHeight = heading.height + card.height + 16
        keep(bandHeight + 14 + briefTitle.height + 4 + brief.height)
        continuation = text.block(Wording.Summary.continued(account.heading), .runningBold, width: width)
        defer { continuation = nil }

        emit(.beginTag("Sect", attributes: ""))
        accountPages.append(pages.count - 1)
        emit(.beginTag(PDFCanvas.destinationTag, attributes:
            "name=\(PDFCanvas.quoted(Self.destination(number))) x=\(Int(left)) y=\(Int(y))"))
        emit(.endTag(PDFCanvas.destinationTag))
        if y + bandHeight <= bottom {
            emit(.fill([Rect(x: left, y: y, width: width, height: bandHeight)], Palette.band))
            emit(.fill([Rect(x: left, y: y, width: 4, height: bandHeight)], Palette.accent))
            let top = y
            y += 7
            paragraph(heading, x: left + 14, tag: "H2", color: Palette.accent)
            y += 2
            paragraph(card, x: left + 14, tag: "P", color: Palette.muted)
            y = top + bandHeight
        } else {
            paragraph(heading, x: left, tag: "H2", color: Palette.accent)
            paragraph(card, x: left, tag: "P", color: Palette.muted)
        }
        y += 14
        keep(briefTitle.height + 4 + brief.height)
        paragraph(briefTitle, x: left, tag: "H3", color: Palette.accent)
        y += 4
        briefBox(brief)
        for part in account.tables {
            y += 16
            tablePart(part)
        }
        emit(.endTag("Sect"))
        y += 24
    }

    /// "Votre compte en bref": the loan sentences on the left, the hold sentences on the right.
    struct BriefBox {
        var columns: [[TextBlock]]
        var height: Double
        static let padding = 8.0
        static let gap = 2.0

        init(_ account: AccountPart, text: TextEngine, width: Double) {
            let columnWidth = (width - 3 * Self.padding) / 2
            columns = [account.loanLines, account.holdLines].map { lines in
                lines.enumerated().map { number, line in
                    text.block(line, number == 0 ? .bodyBold : .body, width: columnWidth)
                }
            }
            let tallest = columns.map { $0.reduce(0) { $0 + $1.height } + Self.gap * Double(max(0, $0.count - 1)) }
                .max() ?? 0
            height = tallest + 2 * Self.padding
        }
    }

    mutating func briefBox(_ brief: BriefBox) {
        keep(brief.height)
        let top = y
        let columnWidth = (width - 3 * BriefBox.padding) / 2
        emit(.stroke([Segment(x1: left + width / 2, y1: top + BriefBox.padding, x2: left + width / 2,
                              y2: top + brief.height - BriefBox.padding)],
                     outlines: [Rect(x: left, y: top, width: width, height: brief.height)], lineWidth: 0.6,
                     Palette.rule))
        emit(.beginTag("Div", attributes: ""))
        for (number, column) in brief.columns.enumerated() {
            var lineTop = top + BriefBox.padding
            let x = left + BriefBox.padding + Double(number) * (columnWidth + BriefBox.padding)
            for block in column {
                emit(.beginTag("P", attributes: ""))
                emit(.text(block, x: x, y: lineTop, Palette.ink))
                emit(.endTag("P"))
                lineTop += block.height + BriefBox.gap
            }
        }
        emit(.endTag("Div"))
        y = top + brief.height
    }
}
