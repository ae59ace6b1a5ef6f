/// Text from the inputs made safe to shape: shown exactly, never interpreted.
enum Text {
    /// `text` with line breaks and tabs turned into spaces and every other control
    /// character into U+FFFD, so that nothing is dropped without a trace and no byte
    /// can cut the string short in C.
    ///
    /// Markup-like text (`<b>&amp;`) is left as is: it is shown, never parsed.
    static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: scalars.append(" ")
            default: scalars.append(isControl(scalar) ? "\u{FFFD}" : scalar)
            }
        }
        return String(scalars)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0xFFFE, 0xFFFF: true
        default: false
        }
    }

    /// `text` as a bidi isolate (FSI … PDI): a right-to-left name, or a stray override
    /// character in it, cannot reorder the words that follow it on the line.
    static func isolated(_ text: String) -> String { "\u{2068}\(text)\u{2069}" }
}
