import CLibXML2
import Foundation

/// Reads the agenda feed with libxml2's streaming reader: no network, no DTD,
/// no entity expansion (a DOCTYPE is refused before libxml2 sees the file).
///
/// Every rule of the feed's specification is checked; problems carry the file,
/// line and column. A feed that is not well formed stops at the first error.
public struct AgendaFeedReader {
    public var file: String
    /// The network's libraries, to check session codes against; `nil` skips that check.
    public var libraries: [String: Library]?
    public var problemLimit = 100

    public init(file: String, libraries: [String: Library]?) {
        self.file = file
        self.libraries = libraries
    }

    /// Reads and checks the feed.
    /// - Throws: ``InputProblems`` listing every problem found (capped).
    public func read() throws -> AgendaFeed { try read(try bytes()) }

    /// The feed's bytes, for a caller that reads them once and parses and digests the same.
    /// - Throws: ``InputProblems`` naming the file when it cannot be read.
    public func bytes() throws -> Data {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: file), options: .alwaysMapped)
        } catch {
            throw InputProblems([InputProblem(file: file, message: "cannot be read (\(Self.reason(error)))")])
        }
    }

    /// Reads and checks a feed held in memory (`file` names it in messages).
    public func read(_ data: Data) throws -> AgendaFeed {
        var parse = FeedParse(file: file, bytes: data, libraries: libraries, limit: problemLimit)
        if let (offset, message) = FeedPrescan.problem(in: data) {
            let (line, column) = parse.position(ofByte: offset)
            throw InputProblems([InputProblem(file: file, place: .line(line, column: column), message: message)])
        }
        if let doctype = PrologScanner.doctypeOffset(in: data) {
            let (line, column) = parse.position(ofByte: doctype)
            throw InputProblems([InputProblem(file: file, place: .line(line, column: column),
                message: "DOCTYPE is not allowed in the agenda feed (no DTD is loaded and no entity is ever expanded)")])
        }
        try parse.run()
        try parse.problems.throwIfAny()
        guard let feed = parse.feed else {
            throw InputProblems([InputProblem(file: file, message: "holds no <agenda> element")])
        }
        return feed
    }

    static func reason(_ error: any Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }
}

/// Finds a DOCTYPE in the prolog (before the root element), skipping the XML
/// declaration, processing instructions, comments and white space.
enum PrologScanner {
    static func doctypeOffset(in data: Data) -> Int? {
        let bytes = [UInt8](data.prefix(64 * 1024))
        var i = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        func starts(_ s: String) -> Bool { bytes[i...].starts(with: Array(s.utf8)) }
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0A, 0x0D: i += 1
            case UInt8(ascii: "<"):
                if starts("<?") {
                    guard let end = find("?>", in: bytes, from: i + 2) else { return nil }
                    i = end + 2
                } else if starts("<!--") {
                    guard let end = find("-->", in: bytes, from: i + 4) else { return nil }
                    i = end + 3
                } else if starts("<!") {
                    return i
                } else {
                    return nil
                }
            default: return nil
            }
        }
        return nil
    }

    static func find(_ needle: String, in bytes: [UInt8], from start: Int) -> Int? {
        let n = Array(needle.utf8)
        guard bytes.count >= n.count, start <= bytes.count - n.count else { return nil }
        for i in start...(bytes.count - n.count) where bytes[i] == n[0] && bytes[i..<(i + n.count)].elementsEqual(n) {
            return i
        }
        return nil
    }
}

/// Collects the first error libxml2 reports, with its line and column.
final class XMLErrorBox {
    var message: String?
    var line = 0
    var column = 0
}

/// One run of the streaming reader over a feed.
struct FeedParse {
    let file: String
    let bytes: Data
    let libraries: [String: Library]?
    var problems: ProblemCollector
    var feed: AgendaFeed?
    /// Where the search for the next start tag resumes, the line it is on and its column
    /// (in characters, counted as the cursor moves: a long line is never counted again).
    private var cursor = 0
    private var cursorLine = 1
    private var cursorColumn = 1

    init(file: String, bytes: Data, libraries: [String: Library]?, limit: Int) {
        self.file = file
        self.bytes = bytes
        self.libraries = libraries
        problems = ProblemCollector(limit: limit)
    }

    // MARK: - Positions

    /// 1-based line and column (in characters) of a byte offset.
    func position(ofByte offset: Int) -> (Int, Int) {
        var line = 1
        var lineStart = 0
        bytes.withUnsafeBytes { raw in
            for i in 0..<min(offset, raw.count) where raw[i] == 0x0A {
                line += 1
                lineStart = i + 1
            }
        }
        let prefix = bytes[bytes.startIndex + lineStart ..< bytes.startIndex + offset]
        return (line, String(decoding: prefix, as: UTF8.self).count + 1)
    }

    /// The position of the next element start tag at or after `cursor`, which then moves past it.
    /// The reader reports elements in document order, so the next start tag in the bytes is the
    /// element being reported (comments, CDATA, processing instructions and end tags are skipped).
    mutating func nextStartTag() -> (line: Int, column: Int) {
        bytes.withUnsafeBytes { raw -> (Int, Int) in
            func starts(_ s: String, at i: Int) -> Bool {
                let needle = s.utf8
                guard i + needle.count <= raw.count else { return false }
                return zip(raw[i...], needle).allSatisfy { $0 == $1 }
            }
            var i = cursor
            /// Moves past the byte at `i`, counting lines and columns.
            func advance() {
                if raw[i] == 0x0A {
                    cursorLine += 1
                    cursorColumn = 1
                } else if raw[i] & 0xC0 != 0x80 {
                    cursorColumn += 1
                }
                i += 1
            }
            while i < raw.count {
                guard raw[i] == UInt8(ascii: "<") else { advance(); continue }
                let closer: String? = starts("<!--", at: i) ? "-->" : starts("<![CDATA[", at: i) ? "]]>"
                    : starts("<?", at: i) ? "?>" : starts("<!", at: i) ? ">" : nil
                if let closer {
                    advance(); advance()
                    while i < raw.count && !starts(closer, at: i) { advance() }
                    continue
                }
                if starts("</", at: i) { advance(); advance(); continue }
                let column = cursorColumn
                advance()
                cursor = i
                return (cursorLine, column)
            }
            return (cursorLine, 1)
        }
    }

    mutating func report(_ place: InputPlace, _ message: String) {
        problems.report(InputProblem(file: file, place: place, message: message))
    }

    // MARK: - Reading

    mutating func run() throws {
        let box = XMLErrorBox()
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue)
        try bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self), raw.count > 0 else {
                throw InputProblems([InputProblem(file: file, message: "is empty")])
            }
            guard raw.count < Int(Int32.max), let reader = xmlReaderForMemory(base, Int32(raw.count), file, nil, options) else {
                throw InputProblems([InputProblem(file: file, message: "cannot be parsed as XML")])
            }
            defer { xmlFreeTextReader(reader) }
            let context = Unmanaged.passUnretained(box).toOpaque()
            xmlTextReaderSetStructuredErrorHandler(reader, { context, error in
                guard let context, let error else { return }
                let box = Unmanaged<XMLErrorBox>.fromOpaque(context).takeUnretainedValue()
                guard box.message == nil else { return }
                box.message = error.pointee.message.map { String(cString: $0) }?
                    .trimmingCharacters(in: .whitespacesAndNewlines) ?? "not well formed"
                box.line = Int(error.pointee.line)
                box.column = Int(error.pointee.int2)
            }, context)
            var builder = FeedBuilder()
            while true {
                let status = xmlTextReaderRead(reader)
                if status != 1 {
                    if status < 0 || box.message != nil {
                        let message = box.message ?? "not well-formed XML"
                        throw InputProblems([InputProblem(file: file, place: .line(max(box.line, 1), column: max(box.column, 1)),
                                                          message: "not well-formed XML: \(message)")])
                    }
                    break
                }
                try step(reader, &builder)
            }
            feed = builder.finish(&self)
        }
    }

    private mutating func place(of reader: xmlTextReaderPtr) -> InputPlace {
        let (line, column) = nextStartTag()
        return .line(line, column: column)
    }

    private mutating func step(_ reader: xmlTextReaderPtr, _ builder: inout FeedBuilder) throws {
        let type = xmlTextReaderNodeType(reader)
        switch type {
        case Int32(XML_READER_TYPE_ELEMENT.rawValue):
            let name = xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? ""
            let namespace = xmlTextReaderConstNamespaceUri(reader).map { String(cString: $0) } ?? ""
            let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
            let where_ = place(of: reader)
            var attributes: [String: String] = [:]
            while xmlTextReaderMoveToNextAttribute(reader) == 1 {
                guard xmlTextReaderConstNamespaceUri(reader) == nil,
                      let key = xmlTextReaderConstLocalName(reader), let value = xmlTextReaderConstValue(reader)
                else { continue }
                attributes[String(cString: key)] = String(cString: value)
            }
            xmlTextReaderMoveToElement(reader)
            builder.start(FeedBuilder.Element(name: name, namespace: namespace, attributes: attributes, place: where_),
                          isEmpty: isEmpty, &self)
        case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
            builder.end(&self)
        case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
             Int32(XML_READER_TYPE_WHITESPACE.rawValue), Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
            let text = xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
            let line = Int(xmlGetLineNo(xmlTextReaderCurrentNode(reader)))
            builder.text(text, place: .line(max(line, 1), column: 1), &self)
        case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue), Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue):
            throw InputProblems([InputProblem(file: file, place: .line(Int(xmlTextReaderGetParserLineNumber(reader)), column: 1),
                                              message: "DTDs and entity references are not allowed in the agenda feed")])
        default:
            break
        }
    }
}
