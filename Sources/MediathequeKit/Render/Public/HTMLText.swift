/// Makes text from the inputs safe to hand to an HTML template, public or private.
///
/// Mustache's `{{ }}` escapes `<`, `>`, `&`, `"` and `'`, but it leaves two holes
/// that ``clean(_:)`` closes before a string reaches a view:
///
/// - characters HTML forbids in a document are removed by the one text cleaner,
///   ``Text/clean(_:)`` (C0 and C1 controls but tab and line feed, DEL, the
///   noncharacters; a carriage return becomes a line feed);
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
        let cleaned = Text.clean(text)
        return cleaned.unicodeScalars.contains(where: isMarkup) ? isolatingMarkup(cleaned) : cleaned
    }

    static func clean(_ text: String?) -> String? { text.map(clean) }

    /// ``clean(_:)``, with `nil` for an absent or blank value (so that a template's
    /// `{{#summary}}` section is skipped rather than rendering an empty element).
    static func optional(_ text: String?) -> String? {
        guard let text else { return nil }
        let cleaned = clean(text)
        return cleaned.allSatisfy(\.isWhitespace) ? nil : cleaned
    }


    /// A URL from the inputs, fit for `href` or `src`: cleaned as every output cleans a URL
    /// (``Text/cleanURL(_:)``). Only absolute http(s) URLs are kept; anything else
    /// (`javascript:`, relative) gives `nil`.
    static func httpURL(_ text: String) -> String? {
        let url = Text.cleanURL(text)
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), url.count > 8 else { return nil }
        return url
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
