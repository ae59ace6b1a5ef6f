import CPangoCairo

/// The document information dictionary of a PDF.
struct PDFMetadata: Hashable {
    var title: String
    var author: String
    var subject: String
    var creator: String
    /// ISO 8601 local time, `2025-03-28T00:00:00`: written as both creation and modification date.
    var date: String
}

/// The bytes of a PDF as cairo writes them.
private final class ByteSink {
    var bytes: [UInt8] = []
    init() { bytes.reserveCapacity(96 * 1024) }
}

/// One PDF document being drawn: a cairo PDF surface writing to memory.
///
/// Draws rectangles, lines and ``TextBlock``s of a ``TextEngine``, and marks the
/// PDF structure with cairo's tag API. cairo keeps the first error it meets;
/// ``finish()`` reports it, so a failed document never yields bytes.
final class PDFCanvas {
    private let sink = ByteSink()
    private let surface: OpaquePointer
    private let cairo: OpaquePointer
    private let text: TextEngine
    private var finished = false
    /// Structure elements begun and not yet ended, innermost last.
    private var openTags: [String] = []
    /// The first misuse of the tag API: cairo 1.16 does not always report one, and may
    /// then write a damaged cross-reference table, so ``finish()`` refuses the file.
    private var tagMisuse: String?

    /// Starts a document whose pages are `width` × `height` points.
    init(width: Double, height: Double, metadata: PDFMetadata, text: TextEngine) {
        self.text = text
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        surface = cairo_pdf_surface_create_for_stream({ closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }, closure, width, height)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, metadata.title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, metadata.author)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, metadata.subject)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, metadata.creator)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, metadata.date)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, metadata.date)
        cairo = cairo_create(surface)
    }

    deinit {
        cairo_destroy(cairo)
        if !finished { cairo_surface_finish(surface) }
        cairo_surface_destroy(surface)
    }

    // MARK: - Structure

    /// Opens a structure element (`"H1"`, `"Table"`, `"TD"`, ``linkTag``, ...).
    ///
    /// A link must sit inside a structure element: with cairo 1.16, a link outside
    /// every one yields a damaged cross-reference table.
    func beginTag(_ name: String, attributes: String = "") {
        if name == Self.linkTag, !openTags.contains(where: { $0 != Self.destinationTag && $0 != Self.linkTag }) {
            tagMisuse = tagMisuse ?? "link outside any structure element"
        }
        openTags.append(name)
        cairo_tag_begin(cairo, name, attributes)
    }

    func endTag(_ name: String) {
        if openTags.last == name {
            openTags.removeLast()
        } else {
            tagMisuse = tagMisuse ?? "tag '\(name)' ended while '\(openTags.last ?? "nothing")' is open"
        }
        cairo_tag_end(cairo, name)
    }

    static let linkTag = CAIRO_TAG_LINK
    static let destinationTag = CAIRO_TAG_DEST

    /// Quotes `value` for a cairo tag attribute string: `'...'`, with `\` and `'` escaped.
    static func quoted(_ value: String) -> String {
        var quoted = "'"
        for character in value {
            if character == "'" || character == "\\" { quoted.append("\\") }
            quoted.append(character)
        }
        return quoted + "'"
    }

    // MARK: - Drawing

    /// Fills `rectangles` in one path.
    func fill(_ rectangles: [Rect], color: Color) {
        guard !rectangles.isEmpty else { return }
        cairo_set_source_rgb(cairo, color.red, color.green, color.blue)
        for r in rectangles { cairo_rectangle(cairo, r.x, r.y, r.width, r.height) }
        cairo_fill(cairo)
    }

    /// Strokes `segments` and the outlines of `rectangles` in one path.
    func stroke(_ segments: [Segment], outlines rectangles: [Rect] = [], lineWidth: Double, color: Color) {
        guard !segments.isEmpty || !rectangles.isEmpty else { return }
        cairo_set_source_rgb(cairo, color.red, color.green, color.blue)
        cairo_set_line_width(cairo, lineWidth)
        for s in segments {
            cairo_move_to(cairo, s.x1, s.y1)
            cairo_line_to(cairo, s.x2, s.y2)
        }
        for r in rectangles { cairo_rectangle(cairo, r.x, r.y, r.width, r.height) }
        cairo_stroke(cairo)
    }

    /// Fills the closed polygon through `points`.
    func fillPolygon(_ points: [(x: Double, y: Double)], color: Color) {
        guard let first = points.first else { return }
        cairo_set_source_rgb(cairo, color.red, color.green, color.blue)
        cairo_move_to(cairo, first.x, first.y)
        for point in points.dropFirst() { cairo_line_to(cairo, point.x, point.y) }
        cairo_close_path(cairo)
        cairo_fill(cairo)
    }

    func show(_ block: TextBlock, x: Double, y: Double, color: Color) {
        cairo_set_source_rgb(cairo, color.red, color.green, color.blue)
        text.show(block, on: cairo, x: x, y: y)
    }

    func show(_ block: TextBlock, lines: Range<Int>, x: Double, y: Double, color: Color) {
        cairo_set_source_rgb(cairo, color.red, color.green, color.blue)
        text.show(block, lines: lines, on: cairo, x: x, y: y)
    }

    func showPage() {
        cairo_show_page(cairo)
    }

    /// Completes the file and hands back its bytes.
    /// - Throws: ``PDFCanvas/Failure`` with cairo's message if any drawing or writing failed,
    ///   or if the structure tags were not properly nested.
    func finish() throws(Failure) -> [UInt8] {
        if let last = openTags.last {
            tagMisuse = tagMisuse ?? "tag '\(last)' never ended"
        }
        let drawing = cairo_status(cairo)
        cairo_surface_finish(surface)
        finished = true
        for status in [drawing, cairo_surface_status(surface)] where status != CAIRO_STATUS_SUCCESS {
            throw Failure(message: String(cString: cairo_status_to_string(status)))
        }
        if let tagMisuse { throw Failure(message: "unbalanced PDF structure: \(tagMisuse)") }
        guard sink.bytes.starts(with: Array("%PDF-".utf8)), sink.bytes.suffix(6).elementsEqual("%%EOF\n".utf8) else {
            throw Failure(message: "cairo wrote an incomplete file")
        }
        return sink.bytes
    }

    /// cairo's own error, as its message.
    struct Failure: Error {
        var message: String
    }
}
