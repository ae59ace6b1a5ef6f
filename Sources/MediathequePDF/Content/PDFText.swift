import MediathequeKit

/// Text from the inputs made ready to shape: shown exactly, never interpreted.
enum PDFText {
    /// `text` cleaned as every output cleans it (``Text/clean(_:)``: controls and
    /// noncharacters removed), then on one line: a table cell or a heading is one
    /// paragraph, so line breaks and tabs become spaces. No byte can cut the string
    /// short in C; markup-like text (`<b>&amp;`) is left as is: it is shown, never parsed.
    static func printable(_ text: String) -> String {
        let cleaned = Text.clean(text)
        guard cleaned.unicodeScalars.contains(where: isBreak) else { return cleaned }
        return String(String.UnicodeScalarView(cleaned.unicodeScalars.map { isBreak($0) ? " " : $0 }))
    }

    /// What ``Text/clean(_:)`` keeps that still breaks a line: tab, line feed and the
    /// Unicode line and paragraph separators.
    private static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x2028, 0x2029: true
        default: false
        }
    }
}
