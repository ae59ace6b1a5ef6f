/// A shaped paragraph: an opaque handle to a layout of the ``TextEngine`` that made it,
/// valid until that engine's ``TextEngine/finishDocument()``.
struct TextBlock: Hashable {
    let id: Int32
    /// Width of the widest line, in points.
    let width: Double
    /// Height of all lines, in points.
    let height: Double
    let lineCount: Int
}

/// One line of a ``TextBlock``: where it sits inside the block, in points.
struct LineBox: Hashable {
    var top: Double
    var bottom: Double
    var baseline: Double
    /// Offset of the line's logical start from the block's left edge (alignment, right-to-left text).
    var x: Double
}
