/// A rectangle in points, from the page's top-left corner.
struct Rect: Hashable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double
}

/// A straight line from (`x1`, `y1`) to (`x2`, `y2`).
struct Segment: Hashable {
    var x1: Double
    var y1: Double
    var x2: Double
    var y2: Double
}

/// One drawing step of a page, in points from the page's top-left corner.
///
/// Shapes of one colour go in one step, so that a table's rules or shading make one
/// path each rather than one per cell.
enum DrawOp {
    case fill([Rect], Color)
    /// Lines and rectangle outlines, stroked together.
    case stroke([Segment], outlines: [Rect], lineWidth: Double, Color)
    case text(TextBlock, x: Double, y: Double, Color)
    /// Some lines of a block split across pages, the first one's top at `y`.
    case lines(TextBlock, Range<Int>, x: Double, y: Double, Color)
    /// The late-loan marker: a dark triangle with a white exclamation mark, `size` points wide.
    case lateMarker(x: Double, y: Double, size: Double)
    /// "page N" of account `account`, right-aligned in `width`: known only once all pages are composed.
    case accountPage(account: Int, x: Double, y: Double, width: Double)
    case beginTag(String, attributes: String)
    case endTag(String)
}

/// The pages of a summary as drawing steps; running headers and footers are added when drawing.
struct ComposedDocument {
    var pages: [[DrawOp]]
    /// The page (from 0) on which each account starts.
    var accountPages: [Int]
    /// Top of the body: where the running header ends.
    var bodyTop: Double
    /// The running header's network name, shaped once.
    var networkName: TextBlock
}

/// The page and its fixed areas, in PDF points (1/72 inch).
struct PageGeometry {
    /// A4.
    var width = 595.2756
    var height = 841.8898
    var margin = 36.0
    var headerTop = 24.0
    var footerRule: Double { height - 40 }
    var footerText: Double { height - 35 }
    /// Lowest point the body may reach.
    var bodyBottom: Double { height - 50 }
    var contentWidth: Double { width - 2 * margin }
}

/// The summary's colours: dark enough to print in grey, never the only cue.
enum Palette {
    static let ink = Color(hex: 0x1A1A1A)
    static let muted = Color(hex: 0x555B63)
    static let accent = Color(hex: 0x1F3A5F)
    static let band = Color(hex: 0xE9EEF4)
    static let headerRow = Color(hex: 0xDCE3EB)
    static let zebra = Color(hex: 0xF4F6F9)
    static let rule = Color(hex: 0xB9C2CC)
    static let late = Color(hex: 0xF8DEDC)
    static let lateMark = Color(hex: 0x9E1C14)
    static let white = Color(1, 1, 1)
}
