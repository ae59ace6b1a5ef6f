/// Text from the inputs made safe for the private pages' HTML: the shared
/// ``Text/clean(_:)``, then, as on the public pages, swift-mustache's hole for a
/// quote fused with a combining mark closed (``HTMLText/isolatingFusedMarkup(_:)``).
///
/// Dropped: C0 controls other than tab and line feed (a carriage return, alone
/// or before a line feed, becomes one line feed), DEL, C1 controls, and the
/// Unicode noncharacters (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF).
///
/// ```swift
/// PrivateText.clean("Bof\u{7}\u{1B}!")   // "Bof!"
/// ```
enum PrivateText {
    static func clean(_ text: String) -> String { HTMLText.isolatingFusedMarkup(Text.clean(text)) }

    static func clean(_ text: String?) -> String? { text.map(clean) }

    /// Whether ``clean(_:)`` drops (or, for a carriage return, rewrites) `scalar`.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool { scalar == "\r" || !Text.isAllowed(scalar) }
}
