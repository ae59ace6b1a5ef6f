import CPangoCairo

/// Shapes text with pango, once per distinct string, style and width.
///
/// Holds one font map and one pango context for its whole life; the layouts of
/// strings seen in the current document are kept, and strings that recur from one
/// document to the next (column headers, labels, library names, dates) stay shaped
/// across documents. Not thread-safe: one engine per thread.
final class TextEngine {
    private struct Key: Hashable {
        var text: String
        var style: TextStyle
        var width: Int32
        var alignment: TextAlignment
    }

    private struct Slot {
        var layout: OpaquePointer
        var key: Key
        var lastUse: UInt32
        var block: TextBlock
        var lines: [LineBox]?
    }

    /// Layouts kept across documents before the unused ones are dropped.
    private let retainedLayouts: Int
    private let fonts: SummaryFonts
    private let fontMap: UnsafeMutablePointer<PangoFontMap>
    private let context: OpaquePointer
    private let descriptions: [OpaquePointer]
    private let attributes: OpaquePointer
    private var slots: [Slot?] = []
    private var freeSlots: [Int32] = []
    private var index: [Key: Int32] = [:]
    private var generation: UInt32 = 1

    init(fonts: SummaryFonts = .system, retainedLayouts: Int = 4096) {
        self.retainedLayouts = retainedLayouts
        self.fonts = fonts
        fontMap = pango_cairo_font_map_new()
        if let config = fonts.config { pango_fc_font_map_set_config(OpaquePointer(fontMap), config) }
        context = pango_font_map_create_context(fontMap)
        // Unhinted outlines and metrics, unrounded positions: a PDF is scaled, never
        // rasterised at 72 dpi, and hinting would only distort the spacing.
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
        pango_cairo_context_set_resolution(context, 72)
        pango_context_set_round_glyph_positions(context, 0)
        pango_context_set_language(context, pango_language_from_string("fr"))
        descriptions = TextStyle.allCases.map { pango_font_description_from_string($0.fontDescription) }
        // Breaking inside a word must not add a hyphen: a barcode or a date cut in two
        // would read as another value.
        attributes = pango_attr_list_new()
        pango_attr_list_insert(attributes, pango_attr_insert_hyphens_new(0))
    }

    deinit {
        for slot in slots { if let slot { g_object_unref(UnsafeMutableRawPointer(slot.layout)) } }
        for description in descriptions { pango_font_description_free(description) }
        pango_attr_list_unref(attributes)
        g_object_unref(UnsafeMutableRawPointer(context))
        g_object_unref(UnsafeMutableRawPointer(fontMap))
    }

    /// The shaped block for `text`, wrapped at `width` points (words first, then
    /// characters, so nothing ever overflows), reusing an earlier one when it can.
    ///
    /// `text` is shown as is: never parsed as markup.
    func block(_ text: String, _ style: TextStyle, width: Double, alignment: TextAlignment = .left) -> TextBlock {
        let key = Key(text: text, style: style, width: Int32((max(1, width) * Double(PANGO_SCALE)).rounded()),
                      alignment: alignment)
        if let cached = index[key] {
            slots[Int(cached)]!.lastUse = generation
            return slots[Int(cached)]!.block
        }
        return makeLayout(key)
    }

    private func makeLayout(_ key: Key) -> TextBlock {
        let layout = pango_layout_new(context)!
        pango_layout_set_font_description(layout, descriptions[key.style.rawValue])
        pango_layout_set_width(layout, key.width)
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        pango_layout_set_attributes(layout, attributes)
        switch key.alignment {
        case .left: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
        case .center: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
        case .right: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
        }
        // pango stops at a NUL byte and drops the rest: callers pass printable text
        // (``PDFText/printable(_:)``), and a stray NUL still shows as U+FFFD here.
        let text = key.text.utf8.contains(0)
            ? String(String.UnicodeScalarView(key.text.unicodeScalars.map { $0 == "\u{0}" ? "\u{FFFD}" : $0 }))
            : key.text
        text.withCString { pango_layout_set_text(layout, $0, Int32(text.utf8.count)) }
        let id = freeSlots.popLast() ?? Int32(slots.count)
        var width: Int32 = 0
        var height: Int32 = 0
        pango_layout_get_size(layout, &width, &height)
        let block = TextBlock(id: id, width: Double(width) / Double(PANGO_SCALE),
                              height: Double(height) / Double(PANGO_SCALE),
                              lineCount: Int(pango_layout_get_line_count(layout)))
        let slot = Slot(layout: layout, key: key, lastUse: generation, block: block, lines: nil)
        if Int(id) < slots.count { slots[Int(id)] = slot } else { slots.append(slot) }
        index[key] = id
        return block
    }

    /// The lines of `block`, top to bottom, for splitting it across pages.
    func lines(of block: TextBlock) -> [LineBox] {
        if let lines = slots[Int(block.id)]!.lines { return lines }
        let layout = slots[Int(block.id)]!.layout
        var lines: [LineBox] = []
        lines.reserveCapacity(block.lineCount)
        let iter = pango_layout_get_iter(layout)
        defer { pango_layout_iter_free(iter) }
        repeat {
            var logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iter, nil, &logical)
            let scale = Double(PANGO_SCALE)
            lines.append(LineBox(top: Double(logical.y) / scale, bottom: Double(logical.y + logical.height) / scale,
                                 baseline: Double(pango_layout_iter_get_baseline(iter)) / scale,
                                 x: Double(logical.x) / scale))
        } while pango_layout_iter_next_line(iter) != 0
        slots[Int(block.id)]!.lines = lines
        return lines
    }

    /// Characters of `block` that no installed font can show: pango draws each as a
    /// box with its code point, so it stays visible, but it is not text any more.
    func unknownGlyphCount(_ block: TextBlock) -> Int {
        Int(pango_layout_get_unknown_glyphs_count(slots[Int(block.id)]!.layout))
    }

    /// Draws the whole block with its top-left corner at (`x`, `y`) on `cairo` (a `cairo_t`).
    func show(_ block: TextBlock, on cairo: OpaquePointer, x: Double, y: Double) {
        cairo_move_to(cairo, x, y)
        pango_cairo_show_layout(cairo, slots[Int(block.id)]!.layout)
    }

    /// Draws lines `range` of the block, the first one's top at `y`.
    func show(_ block: TextBlock, lines range: Range<Int>, on cairo: OpaquePointer, x: Double, y: Double) {
        let boxes = lines(of: block)
        guard let first = range.first, first < boxes.count else { return }
        let layout = slots[Int(block.id)]!.layout
        let top = boxes[first].top
        for number in range where number < boxes.count {
            let box = boxes[number]
            cairo_move_to(cairo, x + box.x, y + box.baseline - top)
            pango_cairo_show_layout_line(cairo, pango_layout_get_line_readonly(layout, Int32(number)))
        }
    }

    /// Ends a document: layouts not used by it are dropped once more than the retained number are held.
    func finishDocument() {
        if index.count > retainedLayouts {
            for (number, slot) in slots.enumerated() {
                guard let slot, slot.lastUse != generation else { continue }
                g_object_unref(UnsafeMutableRawPointer(slot.layout))
                index[slot.key] = nil
                slots[number] = nil
                freeSlots.append(Int32(number))
            }
        }
        generation &+= 1
    }
}
