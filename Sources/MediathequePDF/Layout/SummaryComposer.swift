/// Lays a ``SummaryContent`` out on A4 pages: headings, the accounts in brief and
/// tables that continue across pages with their header repeated.
///
/// Every block of text is shaped by the ``TextEngine``; a block taller than what is
/// left of a page moves to the next one, and one taller than a whole page is split
/// between its lines, so no text is ever cut or drawn outside the body. Structure
/// tags stay balanced, and the tags that hold content (headings, paragraphs, cells,
/// links) never straddle a page break.
struct SummaryComposer {
    private let text: TextEngine
    private let geometry: PageGeometry
    private var pages: [[DrawOp]] = [[]]
    private var y = 0.0
    private var bodyTop = 0.0
    private var accountPages: [Int] = []
    /// The table being laid out, whose header is repeated on each new page.
    private var openTable: TableFrame?
    /// The part of the open table on the current page.
    private var fragment: TableFragment?

    /// Inner spacing of table cells.
    private let cellPadding = (x: 3.5, y: 3.0)
    /// Room taken in a cell by the late-loan marker.
    private let markerWidth = 10.0

    init(text: TextEngine, geometry: PageGeometry = PageGeometry()) {
        self.text = text
        self.geometry = geometry
    }

    private var bottom: Double { geometry.bodyBottom }
    private var left: Double { geometry.margin }
    private var width: Double { geometry.contentWidth }

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

    private mutating func emit(_ op: DrawOp) {
        pages[pages.count - 1].append(op)
    }

    private mutating func newPage() {
        if let table = openTable { closeFragment(table) }
        pages.append([])
        y = bodyTop
        if let table = openTable { startFragment(table, tagged: false) }
    }

    /// Starts a new page unless `height` more points fit on this one (or this one is still empty).
    private mutating func keep(_ height: Double) {
        if y + height > bottom, y > bodyTop + 0.5 { newPage() }
    }

    /// Places `block` at `x`, inside its own `tag`; moves it to the next page if it does not
    /// fit, and splits it between lines (one tag per page) if it is taller than a page.
    /// - Returns: the top of its last part.
    @discardableResult
    private mutating func paragraph(_ block: TextBlock, x: Double, tag: String, attributes: String = "",
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

    private mutating func titleBlock(_ content: SummaryContent) {
        paragraph(text.block(SummaryContent.documentTitle, .title, width: width), x: left, tag: "H1",
                  color: Palette.accent)
        y += 4
        paragraph(text.block(content.holderLine, .body, width: width), x: left, tag: "P")
        y += 2
        paragraph(text.block(content.situation, .bodyBold, width: width), x: left, tag: "P")
        y += 16
    }

    /// The accounts of the document, each linked to its section, with its page.
    private mutating func contents(_ accounts: [AccountPart]) {
        let label = text.block("Comptes présentés dans ce document", .bodyBold, width: width)
        keep(label.height + 40)
        paragraph(label, x: left, tag: "P")
        y += 4
        let pageWidth = 60.0
        emit(.beginTag("TOC", attributes: ""))
        for (number, account) in accounts.enumerated() {
            let entry = text.block(account.heading, .body, width: width - pageWidth - 20)
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

    private mutating func accountSection(_ account: AccountPart, number: Int) {
        let heading = text.block(account.heading, .heading, width: width - 24)
        let card = text.block(account.card, .running, width: width - 24)
        let briefTitle = text.block("Votre compte en bref", .subheading, width: width)
        let brief = BriefBox(account, text: text, width: width)
        let bandHeight = heading.height + card.height + 16
        keep(bandHeight + 14 + briefTitle.height + 4 + brief.height)

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
    private struct BriefBox {
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

    private mutating func briefBox(_ brief: BriefBox) {
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

    // MARK: - Tables

    /// A table's columns and header, as placed on the page.
    private struct TableFrame {
        var xs: [Double]
        var widths: [Double]
        var header: [TextBlock]
        var headerHeight: Double
    }

    /// The part of a table on one page: its shading and rules are drawn as a few paths
    /// once the part is complete, the shading slipped in under the rows' text.
    private struct TableFragment {
        /// Where on the page the shading goes: before the header and the rows.
        var opIndex: Int
        var top: Double
        var headerBottom: Double = 0
        var rowBottoms: [Double] = []
        var zebra: [Rect] = []
        var late: [Rect] = []
        var lateBars: [Rect] = []
    }

    private mutating func tablePart(_ part: TablePart) {
        let heading = text.block(part.heading, .subheading, width: width)
        guard !part.rows.isEmpty else {
            let message = text.block(part.emptyMessage, .body, width: width)
            keep(heading.height + 4 + message.height)
            paragraph(heading, x: left, tag: "H3", color: Palette.accent)
            y += 4
            paragraph(message, x: left, tag: "P", color: Palette.muted)
            return
        }
        let frame = tableFrame(part.columns)
        let firstRow = rowBlocks(part.rows[0], frame)
        let firstHeight = min(firstRow.map(\.height).max() ?? 0, 60) + 2 * cellPadding.y
        keep(heading.height + 4 + frame.headerHeight + firstHeight)
        paragraph(heading, x: left, tag: "H3", color: Palette.accent)
        y += 4
        emit(.beginTag("Table", attributes: ""))
        openTable = frame
        startFragment(frame, tagged: true)
        for (number, row) in part.rows.enumerated() {
            self.row(row, blocks: number == 0 ? firstRow : rowBlocks(row, frame), zebra: number % 2 == 1, frame)
        }
        closeFragment(frame)
        openTable = nil
        emit(.endTag("Table"))
        if let legend = part.legend {
            let block = text.block(legend, .cell, width: width - 14)
            y += 5
            keep(block.height)
            emit(.beginTag("P", attributes: ""))
            emit(.lateMarker(x: left, y: y + 1.5, size: 8))
            emit(.text(block, x: left + 12, y: y, Palette.ink))
            emit(.endTag("P"))
            y += block.height
        }
    }

    private func tableFrame(_ columns: [TablePart.Column]) -> TableFrame {
        let total = columns.reduce(0) { $0 + $1.weight }
        var xs: [Double] = []
        var widths: [Double] = []
        var x = left
        for column in columns {
            let columnWidth = width * column.weight / total
            xs.append(x)
            widths.append(columnWidth)
            x += columnWidth
        }
        let header = zip(columns, widths).map { column, columnWidth in
            text.block(column.title, .columnHeader, width: columnWidth - 2 * cellPadding.x, alignment: column.alignment)
        }
        return TableFrame(xs: xs, widths: widths, header: header,
                          headerHeight: (header.map(\.height).max() ?? 0) + 2 * cellPadding.y + 1)
    }

    /// Starts the table's part on this page with its header row; only the first header is
    /// tagged, the repeated ones are page furniture.
    private mutating func startFragment(_ frame: TableFrame, tagged: Bool) {
        fragment = TableFragment(opIndex: pages[pages.count - 1].count, top: y)
        let height = frame.headerHeight
        emit(.fill([Rect(x: left, y: y, width: width, height: height)], Palette.headerRow))
        if tagged { emit(.beginTag("TR", attributes: "")) }
        for (column, block) in frame.header.enumerated() {
            if tagged { emit(.beginTag("TH", attributes: "")) }
            emit(.text(block, x: frame.xs[column] + cellPadding.x, y: y + cellPadding.y + 0.5, Palette.ink))
            if tagged { emit(.endTag("TH")) }
        }
        if tagged { emit(.endTag("TR")) }
        y += height
        fragment?.headerBottom = y
    }

    /// Draws the shading and the rules of the table's part on this page.
    private mutating func closeFragment(_ frame: TableFrame) {
        guard let part = fragment else { return }
        fragment = nil
        var shading: [DrawOp] = []
        if !part.zebra.isEmpty { shading.append(.fill(part.zebra, Palette.zebra)) }
        if !part.late.isEmpty { shading.append(.fill(part.late, Palette.late)) }
        pages[pages.count - 1].insert(contentsOf: shading, at: part.opIndex)

        let bottom = part.rowBottoms.last ?? part.headerBottom
        if !part.lateBars.isEmpty { emit(.fill(part.lateBars, Palette.lateMark)) }
        var rules = frame.xs.dropFirst().map { Segment(x1: $0, y1: part.top, x2: $0, y2: bottom) }
        rules += part.rowBottoms.dropLast().map { Segment(x1: left, y1: $0, x2: left + width, y2: $0) }
        emit(.stroke(rules, outlines: [], lineWidth: 0.4, Palette.rule))
        emit(.stroke([], outlines: [Rect(x: left, y: part.top, width: width, height: bottom - part.top)],
                     lineWidth: 0.6, Palette.rule))
        emit(.stroke([Segment(x1: left, y1: part.headerBottom, x2: left + width, y2: part.headerBottom)], outlines: [],
                     lineWidth: 1, Palette.accent))
    }

    private func rowBlocks(_ row: TablePart.Row, _ frame: TableFrame) -> [TextBlock] {
        row.cells.enumerated().map { column, cell in
            var cellWidth = frame.widths[column] - 2 * cellPadding.x
            if row.isLate, column == TablePart.loanStateColumn { cellWidth -= markerWidth }
            return text.block(cell, row.isLate ? .cellBold : .cell, width: cellWidth)
        }
    }

    private mutating func row(_ row: TablePart.Row, blocks: [TextBlock], zebra: Bool, _ frame: TableFrame) {
        let height = (blocks.map(\.height).max() ?? 0) + 2 * cellPadding.y
        // A short row moves to the next page whole; a tall one starts here and is split,
        // rather than leaving most of a page blank.
        let room = bottom - bodyTop - frame.headerHeight
        if y + height > bottom, height <= room * 0.3 { newPage() }
        if y + height <= bottom {
            rowPart(row, blocks: blocks, lines: nil, height: height, zebra: zebra, marked: true, frame)
            return
        }
        // Taller than what is left of the page: split each cell between its lines.
        let lines = blocks.map { text.lines(of: $0) }
        var next = [Int](repeating: 0, count: blocks.count)
        var marked = true
        while zip(next, lines).contains(where: { $0 < $1.count }) {
            let available = bottom - y - 2 * cellPadding.y
            var ranges: [Range<Int>] = []
            var extent = 0.0
            for (column, cellLines) in lines.enumerated() {
                let start = next[column]
                var end = start
                while end < cellLines.count, cellLines[end].bottom - cellLines[start].top <= available { end += 1 }
                if end > start { extent = max(extent, cellLines[end - 1].bottom - cellLines[start].top) }
                ranges.append(start..<end)
            }
            if ranges.allSatisfy(\.isEmpty) {
                if y > bodyTop + frame.headerHeight + 0.5 { newPage(); continue }
                // A single line taller than a page: never with these fonts, but never loop.
                ranges = zip(next, lines).map { start, cellLines in start..<min(start + 1, cellLines.count) }
                extent = available
            }
            rowPart(row, blocks: blocks, lines: ranges, height: extent + 2 * cellPadding.y, zebra: zebra,
                    marked: marked, frame)
            marked = false
            next = ranges.map(\.upperBound)
            if zip(next, lines).contains(where: { $0 < $1.count }) { newPage() }
        }
    }

    /// Draws one row, or the part of it on this page (`lines` per cell), as one tagged row.
    private mutating func rowPart(_ row: TablePart.Row, blocks: [TextBlock], lines: [Range<Int>]?, height: Double,
                                  zebra: Bool, marked: Bool, _ frame: TableFrame) {
        let area = Rect(x: left, y: y, width: width, height: height)
        let bar = Rect(x: left, y: y, width: 3, height: height)
        if row.isLate {
            fragment?.late.append(area)
            fragment?.lateBars.append(bar)
        } else if zebra {
            fragment?.zebra.append(area)
        }
        emit(.beginTag("TR", attributes: ""))
        for (column, block) in blocks.enumerated() {
            var x = frame.xs[column] + cellPadding.x
            emit(.beginTag("TD", attributes: ""))
            if row.isLate, column == TablePart.loanStateColumn {
                if marked { emit(.lateMarker(x: x, y: y + cellPadding.y + 1.5, size: 8)) }
                x += markerWidth
            }
            if let lines {
                if !lines[column].isEmpty {
                    emit(.lines(block, lines[column], x: x, y: y + cellPadding.y, Palette.ink))
                }
            } else {
                emit(.text(block, x: x, y: y + cellPadding.y, Palette.ink))
            }
            emit(.endTag("TD"))
        }
        emit(.endTag("TR"))
        y += height
        let rowBottom = y
        fragment?.rowBottoms.append(rowBottom)
    }
}
