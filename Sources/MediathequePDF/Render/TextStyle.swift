/// The type styles of the summary, each one pango font description.
enum TextStyle: Int, CaseIterable, Hashable {
    case title, heading, subheading, body, bodyBold, cell, cellBold, columnHeader, running, runningBold

    /// Family list and size in points; pango falls back through fontconfig for
    /// any script these families lack (CJK, ...). DejaVu Sans comes second on purpose:
    /// its Arabic and Hebrew come back from text extraction in logical order, where
    /// Noto Sans Arabic's ligatures come back scrambled (poppler 22, cairo 1.16).
    /// No style is under 9 points: the summary is read on paper, and kept.
    var fontDescription: String {
        switch self {
        case .title: "Noto Sans, DejaVu Sans, sans-serif Bold 18"
        case .heading: "Noto Sans, DejaVu Sans, sans-serif Bold 13"
        case .subheading: "Noto Sans, DejaVu Sans, sans-serif Bold 10.5"
        case .body: "Noto Sans, DejaVu Sans, sans-serif 9"
        case .bodyBold: "Noto Sans, DejaVu Sans, sans-serif Bold 9"
        case .cell: "Noto Sans, DejaVu Sans, sans-serif 9"
        case .cellBold: "Noto Sans, DejaVu Sans, sans-serif Bold 9"
        case .columnHeader: "Noto Sans, DejaVu Sans, sans-serif Bold 9"
        case .running: "Noto Sans, DejaVu Sans, sans-serif 9"
        case .runningBold: "Noto Sans, DejaVu Sans, sans-serif Bold 9.5"
        }
    }
}

enum TextAlignment: Int, Hashable {
    case left, center, right
}
