/// Makes text from the inputs safe to hand to an HTML template.
///
/// Mustache's `{{ }}` escapes `<`, `>`, `&`, `"` and `'`, but it leaves two holes
/// that ``clean(_:)`` closes before a string reaches a view:
///
/// - characters HTML forbids in a document: the C0 controls except tab, line feed
///   and carriage return, DEL, the C1 controls and the noncharacters
///   (U+FDD0–U+FDEF and the last two code points of every plane) are removed;
/// - swift-mustache compares whole `Character`s with `"<"`, `"&"`, `"\""`...: a
///   quote followed by a combining mark (`"\u{301}`) or preceded by a prepended
///   mark (`\u{600}"`) is one `Character` and would pass through unescaped, ending
///   an attribute value. Such a cluster is cut down to the bare ASCII character,
///   which Mustache then escapes.
///
/// ```swift
/// HTMLText.clean("Bébés\u{1}lecteurs\u{85}")  // "Bébéslecteurs"
/// ```
enum HTMLText {
    /// The text without forbidden characters, every markup character standing alone.
    static func clean(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var changed = false
        for scalar in text.unicodeScalars {
            if isAllowed(scalar) { scalars.append(scalar) } else { changed = true }
        }
        return isolatingFusedMarkup(changed ? String(scalars) : text)
    }

    /// `text` with every markup character a `Character` of its own (see above); the
    /// private pages apply it after their own cleaning.
    static func isolatingFusedMarkup(_ text: String) -> String {
        text.unicodeScalars.contains(where: isMarkup) ? isolatingMarkup(text) : text
    }

    /// ``clean(_:)``, with `nil` for an absent or blank value (so that a template's
    /// `{{#summary}}` section is skipped rather than rendering an empty element).
    static func optional(_ text: String?) -> String? {
        guard let text else { return nil }
        let cleaned = clean(text)
        return cleaned.allSatisfy(\.isWhitespace) ? nil : cleaned
    }

    /// A URL from the inputs, fit for `href` or `src`: cleaned, then white space and
    /// the characters URLs never hold raw (`"<>\^`{|}`) percent-encoded. Only absolute
    /// http(s) URLs are kept; anything else (`javascript:`, relative) gives `nil`.
    static func httpURL(_ text: String) -> String? {
        let cleaned = clean(text).trimmingCharacters(in: .whitespacesAndNewlines)
        let lower = cleaned.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), cleaned.count > 8 else { return nil }
        var result = ""
        for scalar in cleaned.unicodeScalars {
            switch scalar {
            case " ", "\t", "\n", "\r", "\"", "<", ">", "\\", "^", "`", "{", "|", "}":
                result += "%" + String(String(scalar.value, radix: 16, uppercase: true).suffix(2)).leftPadded(to: 2)
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Whether HTML allows `scalar` in a document's text.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        switch v {
        case 0x09, 0x0A, 0x0D: return true
        case 0x00...0x1F, 0x7F...0x9F: return false
        case 0xFDD0...0xFDEF: return false
        default: return v & 0xFFFE != 0xFFFE
        }
    }

    private static func isMarkup(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "<", ">", "&", "\"", "'": true
        default: false
        }
    }

    /// Rebuilds `text` so that every markup character is a `Character` of its own:
    /// a cluster holding one keeps only its markup characters.
    private static func isolatingMarkup(_ text: String) -> String {
        var result = ""
        for character in text {
            let scalars = character.unicodeScalars
            if scalars.count > 1, scalars.contains(where: isMarkup) {
                for scalar in scalars where isMarkup(scalar) { result.unicodeScalars.append(scalar) }
            } else {
                result.append(character)
            }
        }
        return result
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
