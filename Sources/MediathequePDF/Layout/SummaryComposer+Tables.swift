/// Tables: a header row, then rows that continue on the next page under a repeated
/// header; a row taller than the rest of the page is split between its lines.
extension SummaryComposer {
    /// A table's columns and header, as placed on the page.
    struct TableFrame {
        var xs: [Double]
        var widths: [Double]
        var header: [TextBlock]
        var headerHeight: Double
    }

    /// The part of a table on one page: its shading and rules are drawn as a few paths
    /// once the part is complete, the shading slipped in under the rows' text.
    struct TableFragment {
        /// Where on the page the shading goes: before the header and the rows.
        var opIndex: Int
        var top: Double
        var headerBottom: Double = 0
        var rowBottoms: [Double] = []
        var zebra: [Rect] = []
        var late: [Rect] = []
        var lateBars: [Rect] = []
    }

    mutating func tablePart(_ part: TablePart) {
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

    func tableFrame(_ columns: [TablePart.Column]) -> TableFrame {
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
    mutating func startFragment(_ frame: TableFrame, tagged: Bool) {
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
    mutating func closeFragment(_ frame: TableFrame) {
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

    func rowBlocks(_ row: TablePart.Row, _ frame: TableFrame) -> [TextBlock] {
        row.cells.enumerated().map { column, cell in
            var cellWidth = frame.widths[column] - 2 * cellPadding.x
            if row.isLate, column == TablePart.loanStateColumn { cellWidth -= markerWidth }
            return text.block(cell, row.isLate ? .cellBold : .cell, width: cellWidth)
        }
    }

    mutating func row(_ row: TablePart.Row, blocks: [TextBlock], zebra: Bool, _ frame: TableFrame) {
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
    mutating func rowPart(_ row: TablePart.Row, blocks: [TextBlock], lines: [Range<Int>]?, height: Double,
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
