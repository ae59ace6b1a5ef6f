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
