import Foundation

/// Turns names from the inputs (library codes, categories) into path segments
/// that ``BundlePath`` accepts: lowercase ASCII letters, digits and `-`.
///
/// Accents are folded ("Création numérique" → `creation-numerique`), ligatures
/// spelled out ("Cœur" → `coeur`), any other run of characters becomes one `-`.
/// A name with nothing left (Arabic, Japanese) takes the fallback word.
///
/// ```swift
/// Slugger.slug("Club de lecture", fallback: "categorie")   // "club-de-lecture"
/// Slugger.assign(["Atelier", "atelier", "Atelier 2"], fallback: "categorie")
/// // ["Atelier": "atelier", "Atelier 2": "atelier-2", "atelier": "atelier-3"]
/// ```
public enum Slugger {
    /// Longest slug before disambiguation, in characters.
    public static let maximumLength = 60

    /// Letters that do not decompose into a base letter and marks.
    static let spelledOut: [Unicode.Scalar: String] = [
        "œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss", "ẞ": "ss", "ø": "o", "Ø": "o",
        "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "þ": "th", "Þ": "th",
        "ı": "i", "ħ": "h", "Ħ": "h", "ŋ": "n", "Ŋ": "n", "ĸ": "k",
    ]

    /// The slug of one name, before any disambiguation.
    public static func slug(_ name: String, fallback: String) -> String {
        var slug = ""
        var pendingDash = false
        // NFKD: "é" → "e" + U+0301, "ﬁ" → "fi", full-width "Ａ" → "A".
        for scalar in name.decomposedStringWithCompatibilityMapping.unicodeScalars {
            let piece: String?
            if let spelled = spelledOut[scalar] {
                piece = spelled
            } else if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                piece = String(scalar).lowercased()
            } else if scalar.properties.generalCategory == .nonspacingMark
                        || scalar.properties.generalCategory == .enclosingMark {
                piece = "" // the accent of a folded letter
            } else {
                piece = nil
            }
            guard let piece else {
                pendingDash = true
                continue
            }
            if piece.isEmpty { continue }
            if pendingDash && !slug.isEmpty { slug += "-" }
            pendingDash = false
            slug += piece
            if slug.count >= maximumLength { break }
        }
        slug = String(slug.prefix(maximumLength))
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? fallback : slug
    }

    /// Gives every name a distinct slug, the same whatever the order of `names`.
    ///
    /// Names are taken in order of their slug, then of their Unicode scalars. The first
    /// name of each slug keeps it; the others get the slug followed by `-2`, `-3`... (the
    /// first number not already taken by a plain slug or an earlier name). Slugs in
    /// `reserved` are never given.
    /// - Returns: name → slug, one entry per distinct name.
    public static func assign(_ names: some Sequence<String>, fallback: String,
                              reserved: Set<String> = []) -> [String: String] {
        let ordered = Set(names).map { (name: $0, base: slug($0, fallback: fallback)) }
            .sorted { a, b in
                a.base != b.base ? a.base < b.base
                    : a.name.unicodeScalars.map(\.value).lexicographicallyPrecedes(b.name.unicodeScalars.map(\.value))
            }
        var taken = reserved
        var result: [String: String] = [:]
        var losers: [(name: String, base: String)] = []
        // First pass: plain slugs, so that a name whose own slug is "atelier-2" keeps it.
        for entry in ordered {
            if taken.insert(entry.base).inserted { result[entry.name] = entry.base } else { losers.append(entry) }
        }
        for entry in losers {
            var n = 2
            while taken.contains("\(entry.base)-\(n)") { n += 1 }
            taken.insert("\(entry.base)-\(n)")
            result[entry.name] = "\(entry.base)-\(n)"
        }
        return result
    }
}
