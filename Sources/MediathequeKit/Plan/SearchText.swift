import Foundation

/// Case- and accent-insensitive text for saved searches: "Fée" and "FEE" both fold to "fee".
///
/// Folding lowercases, decomposes (NFD) and drops the combining marks; words are
/// the runs of letters and digits of the folded text. This mirrors SQLite's FTS5
/// `unicode61 remove_diacritics 2` tokenizer, so the catalogue index and the pure
/// matcher agree on what a word is.
///
/// ```swift
/// SearchText.words("La Fée des neiges")   // ["la", "fee", "des", "neiges"]
/// SearchText.fold("  Roman  Policier ")   // "roman policier"
/// ```
public enum SearchText {
    /// Lowercased, without diacritics, whitespace runs collapsed to one space, trimmed.
    public static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" ") }
            pendingSpace = false
            out.append(scalar)
        }
        return String(out)
    }

    /// The folded words of `text`, in order (duplicates kept).
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in fold(text).unicodeScalars {
            if isWordScalar(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    /// Letters, digits and private-use characters: what FTS5's `unicode61` keeps in a token.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .privateUse:
            true
        default:
            false
        }
    }
}
