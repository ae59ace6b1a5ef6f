/// An iCalendar text read back for assertions: physical lines, unfolded
/// content lines and property lookups. A reader for tests, not a parser.
struct ICSText {
    let text: String

    init(_ text: String) { self.text = text }

    /// The physical lines as bytes, without their CRLF (the text must end with one).
    var physicalLines: [[UInt8]] {
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                lines.append(current)
                current = []
                index += 2
            } else {
                current.append(bytes[index])
                index += 1
            }
        }
        return lines
    }

    /// The content lines, unfolded (a CRLF followed by one space is removed).
    var contentLines: [String] {
        var unfolded: [[UInt8]] = []
        for line in physicalLines {
            if line.first == 0x20, !unfolded.isEmpty {
                unfolded[unfolded.count - 1] += line.dropFirst()
            } else {
                unfolded.append(line)
            }
        }
        return unfolded.map { String(decoding: $0, as: UTF8.self) }
    }

    /// The content lines of each `VEVENT`, in order.
    var events: [[String]] { components("VEVENT") }

    /// The content lines of each component named `name` (between its BEGIN and END).
    func components(_ name: String) -> [[String]] {
        var result: [[String]] = []
        var current: [String]?
        for line in contentLines {
            if line == "BEGIN:\(name)" {
                current = []
            } else if line == "END:\(name)" {
                if let current { result.append(current) }
                current = nil
            } else {
                current?.append(line)
            }
        }
        return result
    }

    /// The values of `lines` whose name, parameters included, is `head`
    /// (`"SUMMARY"`, `"DTSTART;TZID=Europe/Paris"`).
    static func values(_ head: String, in lines: [String]) -> [String] {
        lines.filter { $0.hasPrefix(head + ":") }.map { String($0.dropFirst(head.count + 1)) }
    }
}
