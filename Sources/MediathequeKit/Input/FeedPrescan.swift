import Foundation

/// What the feed's bytes must pass before libxml2 reads them: UTF-8, as the contract says
/// (a UTF-16 or ISO-8859-1 feed was read as if it were fine), and no start tag with more
/// than ``maxAttributes`` attributes: libxml2 checks an element's attributes for duplicates
/// in quadratic time (100,000 attributes took 17 s, 200,000 did not finish in 100).
///
/// One pass over the bytes, in linear time, whatever the feed holds.
enum FeedPrescan {
    /// Far above any real feed: an element of the contract has at most five.
    static let maxAttributes = 64

    /// The first problem: the byte where it is and what is wrong; `nil` for none.
    static func problem(in data: Data) -> (offset: Int, message: String)? {
        data.withUnsafeBytes { raw -> (Int, String)? in
            let bytes = raw.bindMemory(to: UInt8.self)
            if let encoding = encodingProblem(bytes) { return (0, encoding) }
            return attributesProblem(bytes)
        }
    }

    private static func encodingProblem(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let utf16 = "is UTF-16: the agenda feed must be UTF-8"
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) { return utf16 }
        if bytes.starts(with: [0x00, 0x3C]) || bytes.starts(with: [0x3C, 0x00]) { return utf16 }
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let prolog = Array(bytes[start..<min(bytes.count, start + 256)])
        guard prolog.starts(with: Array("<?xml".utf8)), let end = find(Array("?>".utf8), in: prolog, from: 5) else { return nil }
        let declaration = String(decoding: prolog[5..<end], as: UTF8.self)
        guard let range = declaration.range(of: #"encoding\s*=\s*["']([^"']*)["']"#, options: .regularExpression) else { return nil }
        let value = declaration[range].split(whereSeparator: { $0 == "\"" || $0 == "'" }).dropFirst().first.map(String.init) ?? ""
        guard !["utf-8", "utf8"].contains(value.lowercased()) else { return nil }
        return "declares the encoding '\(value)': the agenda feed must be UTF-8"
    }

    /// Counts the attributes of each start tag (each `=` outside a quoted value), skipping
    /// comments, CDATA sections, processing instructions and declarations.
    private static func attributesProblem(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, String)? {
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
            let tag = i
            if let closer = closer(bytes, at: i) {
                i = (find(closer, in: bytes, from: i + 2) ?? bytes.count) + closer.count
                continue
            }
            var quote: UInt8?
            var attributes = 0
            i += 1
            while i < bytes.count {
                let byte = bytes[i]
                if let open = quote {
                    if byte == open { quote = nil }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: "=") {
                    attributes += 1
                    if attributes > maxAttributes {
                        return (tag, "an element has more than \(maxAttributes) attributes (refused: no feed of the contract has so many)")
                    }
                } else if byte == UInt8(ascii: ">") {
                    break
                }
                i += 1
            }
        }
        return nil
    }

    private static func closer(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> [UInt8]? {
        func starts(_ s: String) -> Bool { bytes[i...].starts(with: s.utf8) }
        if starts("<!--") { return Array("-->".utf8) }
        if starts("<![CDATA[") { return Array("]]>".utf8) }
        if starts("<?") { return Array("?>".utf8) }
        if starts("<!") { return Array(">".utf8) }
        return nil
    }

    private static func find<C: RandomAccessCollection>(_ needle: [UInt8], in bytes: C, from start: Int) -> Int?
    where C.Element == UInt8, C.Index == Int {
        guard start <= bytes.endIndex - needle.count else { return nil }
        var i = start
        while i <= bytes.endIndex - needle.count {
            if bytes[i] == needle[0], bytes[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
