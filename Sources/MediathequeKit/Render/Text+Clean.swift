/// Plain-text helpers shared by the renderers (iCalendar, RSS, HTML).
///
/// Every text that comes from an input (the agenda feed, the account database,
/// the site configuration) goes through ``Text/clean(_:)`` before it is
/// escaped for its format, so that hostile text stays inert text:
///
/// ```swift
/// Text.clean("Atelier\u{0}\r\nBD")          // "Atelier\nBD"
/// Text.escapeMarkup("<b>\"Tom & Jerry\"</b>") // "&lt;b&gt;&quot;Tom &amp; Jerry&quot;&lt;/b&gt;"
/// ```
public enum Text {
    /// The text without the characters XML 1.0 and HTML forbid or discourage,
    /// with every line break as a single line feed.
    ///
    /// Removed: C0 controls other than tab and line feed, DEL, C1 controls
    /// (U+0080–U+009F) and Unicode noncharacters (U+FDD0–U+FDEF and every code
    /// point ending in FFFE or FFFF). A carriage return followed by a line feed,
    /// and a lone carriage return, become one line feed, as an XML parser
    /// would read them. Everything else, right-to-left marks included, is kept.
    public static func clean(_ text: String) -> String {
        guard !isPlain(text, reserving: { _ in false }) else { return text }
        var scalars = String.UnicodeScalarView()
        var afterCarriageReturn = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" {
                scalars.append("\n")
                afterCarriageReturn = true
                continue
            }
            defer { afterCarriageReturn = false }
            if scalar == "\n", afterCarriageReturn { continue }
            if isAllowed(scalar) { scalars.append(scalar) }
        }
        return String(scalars)
    }

    /// Whether `text` is clean already (``clean(_:)`` gives it back as it is) and holds none of
    /// the scalars a format `reserves`: an escaping then returns it whole. Nearly every text is;
    /// looking costs far less than rebuilding it a scalar at a time.
    @inline(__always)
    static func isPlain(_ text: String, reserving reserves: (Unicode.Scalar) -> Bool) -> Bool {
        text.unicodeScalars.allSatisfy { isAllowed($0) && !reserves($0) }
    }

    /// Whether ``clean(_:)`` keeps this scalar (a carriage return is rewritten, not kept).
    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        switch value {
        case 0x09, 0x0A: return true
        case 0x00...0x1F, 0x7F...0x9F: return false
        case 0xFDD0...0xFDEF: return false
        default: return value & 0xFFFE != 0xFFFE
        }
    }

    /// Foundation's `CharacterSet.whitespaces` on this platform (CoreFoundation's own list:
    /// Zs, tab and U+200B), checked against it scalar by scalar in the tests. Asked of
    /// every document of every loan: no `CharacterSet`, which costs far more.
    public static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// The cleaned text escaped for XML or HTML character data and attribute
    /// values: `&`, `<`, `>`, `"` and `'` become `&amp;`, `&lt;`, `&gt;`,
    /// `&quot;` and `&#39;` (HTML 4 has no name for the apostrophe).
    ///
    /// The result never contains `<`, so it can close no element, comment or
    /// CDATA section (`]]>` becomes `]]&gt;`).
    public static func escapeMarkup(_ text: String) -> String {
        let plain = isPlain(text) { scalar in
            switch scalar {
            case "&", "<", ">", "\"", "'": true
            default: false
            }
        }
        return plain ? text : markupEscapedScalarByScalar(text)
    }

    /// ``escapeMarkup(_:)`` without its shortcut.
    static func markupEscapedScalarByScalar(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in clean(text).unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// `text` as a bidi isolate (FSI … PDI), for every output: a right-to-left name, or a
    /// stray override character in it, cannot reorder the words that follow it on the line.
    public static func isolated(_ text: String) -> String { "\u{2068}\(text)\u{2069}" }

    /// A URL made safe to paste into any format: controls (tabs and line
    /// breaks included) and noncharacters removed, surrounding white space
    /// trimmed, and every byte that may not appear raw in a URI (spaces,
    /// quotes, `<`, `>`, `\`, `^`, `` ` ``, `{`, `|`, `}`, non-ASCII)
    /// percent-encoded as UTF-8.
    ///
    /// It does not check that the URL is meaningful; existing `%XX` escapes
    /// are kept as they are.
    public static func cleanURL(_ url: String) -> String {
        let kept = url.unicodeScalars.filter { isAllowed($0) && $0 != "\t" && $0 != "\n" }
        let trimmed = String(String.UnicodeScalarView(kept)).trimmingWhitespace()
        var encoded = ""
        for byte in trimmed.utf8 {
            switch byte {
            case 0x21, 0x23...0x3B, 0x3D, 0x3F...0x5B, 0x5D, 0x5F, 0x61...0x7A, 0x7E:
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                encoded += "%" + hexDigits(byte)
            }
        }
        return encoded
    }

    private static func hexDigits(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF".unicodeScalars)
        var text = String.UnicodeScalarView()
        text.append(digits[Int(byte >> 4)])
        text.append(digits[Int(byte & 0x0F)])
        return String(text)
    }
}

extension String {
    /// The string without leading and trailing white space (Unicode `White_Space`).
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
