/// Text from the inputs made safe for the private pages' HTML: Mustache escapes
/// `< > & " '`, and this removes what HTML forbids outright.
///
/// Dropped: C0 controls other than tab and line feed (a carriage return, alone
/// or before a line feed, becomes one line feed), DEL, C1 controls, and the
/// Unicode noncharacters (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF). The rules are the
/// shared ``Text/clean(_:)``'s; this name keeps the private pages' view layer
/// in one place.
///
/// ```swift
/// PrivateText.clean("Bof\u{7}\u{1B}!")   // "Bof!"
/// ```
enum PrivateText {
    static func clean(_ text: String) -> String { Text.clean(text) }

    static func clean(_ text: String?) -> String? { text.map(clean) }

    /// Whether ``clean(_:)`` drops (or, for a carriage return, rewrites) `scalar`.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool { scalar == "\r" || !Text.isAllowed(scalar) }
}
