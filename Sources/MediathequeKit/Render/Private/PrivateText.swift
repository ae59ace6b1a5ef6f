/// Text from the inputs made safe for the private pages' HTML: Mustache escapes
/// `< > & " '`, and this removes what HTML forbids outright.
///
/// Dropped: C0 controls other than tab and line feed (a carriage return becomes a
/// line feed, or nothing before one), DEL, C1 controls, and the Unicode
/// noncharacters (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF).
///
/// ```swift
/// PrivateText.clean("Bof\u{0}\u{7}!")   // "Bof!"
/// ```
enum PrivateText {
    static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isForbidden) else { return text }
        var out = String.UnicodeScalarView()
        var previousCR = false
        for scalar in text.unicodeScalars {
            defer { previousCR = scalar == "\r" }
            if scalar == "\r" { out.append("\n"); continue }
            if scalar == "\n" && previousCR { continue }
            if !isForbidden(scalar) { out.append(scalar) }
        }
        return String(out)
    }

    static func clean(_ text: String?) -> String? { text.map(clean) }

    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        switch v {
        case 0x09, 0x0A: return false
        case 0x0D: return true
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0xFDD0...0xFDEF: return true
        default: return v & 0xFFFE == 0xFFFE
        }
    }
}
