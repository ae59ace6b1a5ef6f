/// Tables: a header row, then rows that continue on the next page under a repeated
/// header, never one row alone on a page; a row taller than the rest of the page is
/// split between its lines.
extension SummaryComposer {
    /// A table's columns and header, as placed on the page.
    struct TableFrame {
        var xs: [Double]
        var widths: [Double]
        var fits: [TablePart.Fit]
        var header: [TextBlock]
        var headerHeight: Double
    }

    /// The width a text shaped on one line is given: wider than any page.
    static let unwrapped = 10_000.0

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
        let frame = tableFrame(part)
        let blocks = part.rows.map { rowBlocks($0, frame) }
        let heights = blocks.map { ($0.map(\.height).max() ?? 0) + 2 * cellPadding.y }
        // The heading, the header and the first two rows together (a tall row counts for a few lines).
        keep(heading.height + 4 + frame.headerHeight + heights.prefix(2).reduce(0) { $0 + min($1, 60) })
        paragraph(heading, x: left, tag: "H3", color: Palette.accent)
        y += 4
        emit(.beginTag("Table", attributes: ""))
        openTable = frame
        startFragment(frame, tagged: true)
        var rowsOnPage = 0
        for (number, row) in part.rows.enumerated() {
            // The last row never goes alone to a new page: the one before it goes with it,
            // when this page keeps two rows of the table all the same.
            if number == part.rows.count - 2, rowsOnPage >= 2, y + heights[number] <= bottom,
               y + heights[number] + heights[number + 1] > bottom, heights[number] + heights[number + 1] <= room(frame) * 0.6 {
                newPage()
            }
            let page = pages.count
            self.row(row, blocks: blocks[number], zebra: number % 2 == 1, frame)
            rowsOnPage = pages.count == page ? rowsOnPage + 1 : 1
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

    /// The height rows may take on a page, under the table's header.
    func room(_ frame: TableFrame) -> Double { bottom - bodyTop - frame.headerHeight }

    /// Places the columns: each gets its share of the width by weight, but never less than
    /// what it must hold whole (the words of its title, and its ``TablePart/Fit``), as far
    /// as the page allows.
    func tableFrame(_ part: TablePart) -> TableFrame {
        let columns = part.columns
        let needed = columns.indices.map { minimumWidth(column: $0, of: part) }
        var widths = [Double](repeating: 0, count: columns.count)
        var fixed = Set<Int>()
        // Columns below their minimum take it; the others share what is left, by weight.
        while true {
            let rest = width - fixed.reduce(0) { $0 + widths[$1] }
            let weights = columns.indices.filter { !fixed.contains($0) }.reduce(0) { $0 + columns[$1].weight }
            var grew = false
            for index in columns.indices where !fixed.contains(index) {
                widths[index] = rest * columns[index].weight / weights
                if widths[index] < needed[index] {
                    widths[index] = needed[index]
                    fixed.insert(index)
                    grew = true
                }
            }
            if !grew || fixed.count == columns.count { break }
        }
        // Hostile text may need more than the page: everything shrinks alike, and words break.
        let total = widths.reduce(0, +)
        if total > width { widths = widths.map { $0 * width / total } }
        var xs: [Double] = []
        var x = left
        for columnWidth in widths {
            xs.append(x)
            x += columnWidth
        }
        let header = zip(columns, widths).map { column, columnWidth in
            text.block(column.title, .columnHeader, width: columnWidth - 2 * cellPadding.x, alignment: column.alignment)
        }
        return TableFrame(xs: xs, widths: widths, fits: columns.map(\.fit), header: header,
                          headerHeight: (header.map(\.height).max() ?? 0) + 2 * cellPadding.y + 1)
    }

    /// The narrowest a column may be: the widest word of its title and, as its fit asks, the
    /// widest word or cell of its rows, with the cell's padding (and the late marker).
    func minimumWidth(column index: Int, of part: TablePart) -> Double {
        let column = part.columns[index]
        func natural(_ string: Substring, _ style: TextStyle) -> Double {
            string.isEmpty ? 0 : text.block(String(string), style, width: Self.unwrapped).width
        }
        var widest = column.title.split(separator: " ").reduce(0) { max($0, natural($1, .columnHeader)) }
        var marker = 0.0
        for row in part.rows {
            let style: TextStyle = row.isLate ? .cellBold : .cell
            switch column.fit {
            case .wrap: break
            case .whole: widest = max(widest, natural(Substring(row.cells[index]), style))
            case .words: widest = row.cells[index].split(separator: " ").reduce(widest) { max($0, natural($1, style)) }
            }
            if row.isLate, index == TablePart.loanStateColumn { marker = markerWidth }
        }
        return widest + marker + 2 * cellPadding.x + 0.5
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
            let style: TextStyle = row.isLate ? .cellBold : .cell
            // A cell kept whole was shaped on one line to size its column: that shape, when it fits.
            if frame.fits[column] == .whole {
                let line = text.block(cell, style, width: Self.unwrapped)
                if line.width <= cellWidth { return line }
            }
            return text.block(cell, style, width: cellWidth)
        }
    }

    mutating func row(_ row: TablePart.Row, blocks: [TextBlock], zebra: Bool, _ frame: TableFrame) {
        let height = (blocks.map(\.height).max() ?? 0) + 2 * cellPadding.y
        // A short row moves to the next page whole; a tall one starts here and is split,
        // rather than leaving most of a page blank.
        if y + height > bottom, height <= room(frame) * 0.3 { newPage() }
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
