import Foundation

/// Turns the reader's element stream into events, checking each rule of the
/// feed's specification as elements close.
struct FeedBuilder {
    struct Element {
        var name: String
        var namespace: String
        var attributes: [String: String]
        var place: InputPlace
    }

    /// An element being read, with the text and children gathered so far.
    private struct Open {
        var element: Element
        var text = ""
        var children: [Element] = []
        var texts: [String: [(String, InputPlace)]] = [:]
        /// Inside an element of another namespace: skipped whole.
        var foreign = false
    }

    static let textFields: Set<String> = ["title", "summary", "description", "category", "audience",
                                          "conditions", "contact", "accessibility"]
    static let eventChildren: Set<String> = textFields.union(["image", "session"])
    static let idPattern = try! NSRegularExpression(pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
    /// Far above any real event (a few dozen sessions): beyond, the event is refused and the
    /// rest of its elements skipped, so that memory stays bounded whatever the feed holds.
    static let maxElementsPerEvent = 10_000

    private var stack: [Open] = []
    private var timeZone: String?
    private var generated: LocalDateTime?
    private var events: [Event] = []
    private var eventIDs: Set<String> = []
    private var sawRoot = false
    /// Elements opened inside the event being read; `nil` outside an event.
    private var eventElements: Int?

    // MARK: - Stream

    mutating func start(_ element: Element, isEmpty: Bool, _ parse: inout FeedParse) {
        var parentForeign = stack.last?.foreign ?? false
        if let count = eventElements {
            eventElements = count + 1
            if count + 1 == Self.maxElementsPerEvent + 1 {
                parse.report(element.place, "an event holds more than \(Self.maxElementsPerEvent) elements (refused: no event of the contract has so many)")
            }
            if count >= Self.maxElementsPerEvent { parentForeign = true }
        }
        var open = Open(element: element)
        open.foreign = !stack.isEmpty && (parentForeign || element.namespace != AgendaFeed.namespace)
        // An element out of place is reported once and then skipped whole.
        if !open.foreign && !check(open: element, &parse) { open.foreign = true }
        if !open.foreign && element.name == "event" { eventElements = 0 }
        stack.append(open)
        if isEmpty { end(&parse) }
    }

    mutating func text(_ text: String, place: InputPlace, _ parse: inout FeedParse) {
        guard !stack.isEmpty else { return }
        let name = stack[stack.count - 1].element.name
        if stack[stack.count - 1].foreign || Self.textFields.contains(name) {
            stack[stack.count - 1].text += text
        } else if !text.allSatisfy(\.isWhitespace) {
            parse.report(place, "text is not allowed directly inside <\(name)>")
        }
    }

    mutating func end(_ parse: inout FeedParse) {
        guard let open = stack.popLast() else { return }
        guard !open.foreign else { return }
        let element = open.element
        if stack.isEmpty {
            return
        }
        if Self.textFields.contains(element.name) {
            let value = open.text.trimmingCharacters(in: .whitespacesAndNewlines)
            stack[stack.count - 1].texts[element.name, default: []].append((value, element.place))
        }
        stack[stack.count - 1].children.append(element)
        if element.name == "event" {
            eventElements = nil
            finishEvent(open, &parse)
        }
    }

    /// Checks where an element may stand, as it opens.
    private mutating func check(open element: Element, _ parse: inout FeedParse) -> Bool {
        let parent = stack.last(where: { !$0.foreign })?.element.name
        switch (parent, element.name) {
        case (nil, "agenda") where !sawRoot && element.namespace == AgendaFeed.namespace:
            sawRoot = true
            readRoot(element, &parse)
            return true
        case (nil, _):
            parse.report(element.place, "the root element must be <agenda xmlns=\"\(AgendaFeed.namespace)\">, found <\(element.name)>")
            return false
        case ("agenda", "event"):
            return true
        case ("event", let name) where Self.eventChildren.contains(name):
            return true
        case (let parent?, let name):
            parse.report(element.place, "<\(name)> is not allowed inside <\(parent)>")
            return false
        }
    }

    private mutating func readRoot(_ root: Element, _ parse: inout FeedParse) {
        if root.attributes["version"] != "1" {
            parse.report(root.place, "<agenda> version must be \"1\", found \(quoted(root.attributes["version"]))")
        }
        if let zone = root.attributes["timezone"], TimeZone(identifier: zone) != nil {
            timeZone = zone
        } else {
            parse.report(root.place, "<agenda> timezone must be an IANA time zone name, found \(quoted(root.attributes["timezone"]))")
        }
        generated = timestamp(root, "generated", required: true, &parse)
    }

    func quoted(_ value: String?) -> String {
        value.map { "'\(AccountDatabase.printable($0))'" } ?? "nothing"
    }

    private func timestamp(_ element: Element, _ attribute: String, required: Bool, _ parse: inout FeedParse) -> LocalDateTime? {
        guard let text = element.attributes[attribute] else {
            if required { parse.report(element.place, "<\(element.name)> lacks the attribute \(attribute)") }
            return nil
        }
        guard let value = LocalDateTime(iso: text) else {
            parse.report(element.place, "<\(element.name)> \(attribute) \(quoted(text)) is not a local time YYYY-MM-DDTHH:MM")
            return nil
        }
        return value
    }

    private func validID(_ id: String?) -> Bool {
        guard let id else { return false }
        return Self.idPattern.firstMatch(in: id, range: NSRange(id.startIndex..., in: id)) != nil
    }

    // MARK: - Events

    private mutating func finishEvent(_ open: Open, _ parse: inout FeedParse) {
        let element = open.element
        let id = element.attributes["id"] ?? ""
        if !validID(element.attributes["id"]) {
            parse.report(element.place, "event id \(quoted(element.attributes["id"])) does not match [A-Za-z0-9][A-Za-z0-9._-]{0,63}")
        } else if !eventIDs.insert(id).inserted {
            parse.report(element.place, "duplicate event id '\(id)'")
        }
        let updated = timestamp(element, "updated", required: true, &parse)
        func single(_ name: String, required: Bool = false) -> String? {
            let values = open.texts[name] ?? []
            if values.count > 1 { parse.report(values[1].1, "event '\(id)' has more than one <\(name)>") }
            if required && values.isEmpty { parse.report(element.place, "event '\(id)' has no <\(name)>") }
            if required, let first = values.first, first.0.isEmpty { parse.report(first.1, "event '\(id)' has an empty <\(name)>") }
            return values.first?.0
        }
        let title = single("title", required: true) ?? ""
        var event = Event(id: id, updated: updated ?? LocalDateTime(day: Day(ordinal: 0)), title: title,
                          summary: single("summary"), description: single("description"),
                          audience: single("audience"), conditions: single("conditions"), contact: single("contact"))
        for (category, place) in open.texts["category"] ?? [] {
            if category.isEmpty { parse.report(place, "event '\(id)' has an empty <category>") }
            else if !event.categories.contains(category) { event.categories.append(category) }
        }
        if let codes = single("accessibility") {
            for code in codes.split(whereSeparator: \.isWhitespace) {
                if let value = Event.Accessibility(rawValue: String(code)) {
                    if !event.accessibility.contains(value) { event.accessibility.append(value) }
                } else {
                    parse.report(open.texts["accessibility"]![0].1,
                                 "event '\(id)': unknown accessibility code '\(AccountDatabase.printable(String(code)))' (known: hi vi pi mi ii)")
                }
            }
        }
        let images = open.children.filter { $0.name == "image" }
        if images.count > 1 { parse.report(images[1].place, "event '\(id)' has more than one <image>") }
        if let image = images.first {
            let href = image.attributes["href"] ?? ""
            let url = URL(string: href)
            if !(href.hasPrefix("https://") || href.hasPrefix("http://")) || url?.host == nil {
                parse.report(image.place, "event '\(id)': image href \(quoted(image.attributes["href"])) is not an absolute http(s) URL")
            }
            if image.attributes["alt"] == nil { parse.report(image.place, "event '\(id)': image lacks its alt text") }
            event.image = Event.Image(href: href, alt: image.attributes["alt"] ?? "")
        }
        let sessions = open.children.filter { $0.name == "session" }
        if sessions.isEmpty { parse.report(element.place, "event '\(id)' has no <session>") }
        var sessionIDs: Set<String> = []
        for session in sessions {
            if let value = readSession(session, eventID: id, &parse) {
                if !sessionIDs.insert(value.id).inserted {
                    parse.report(session.place, "duplicate session id '\(value.id)' in event '\(id)'")
                }
                event.sessions.append(value)
            }
        }
        events.append(event)
    }

    private func readSession(_ element: Element, eventID: String, _ parse: inout FeedParse) -> Session? {
        let a = element.attributes
        let id = a["id"] ?? ""
        let label = "session '\(AccountDatabase.printable(id))' of event '\(eventID)'"
        var ok = true
        func fail(_ message: String) {
            parse.report(element.place, "\(label): \(message)")
            ok = false
        }
        if !validID(a["id"]) { fail("id \(quoted(a["id"])) does not match [A-Za-z0-9][A-Za-z0-9._-]{0,63}") }
        var library = Library(code: a["library"] ?? "", name: a["library"] ?? "")
        if let code = a["library"] {
            if let libraries = parse.libraries {
                if let known = libraries[code] { library = known } else { fail("unknown library code '\(AccountDatabase.printable(code))'") }
            }
        } else {
            fail("lacks the attribute library")
        }
        func time(_ name: String, required: Bool) -> LocalDateTime? {
            guard let text = a[name] else {
                if required { fail("lacks the attribute \(name)") }
                return nil
            }
            guard let value = LocalDateTime(iso: text) else {
                fail("\(name) \(quoted(text)) is not a local time YYYY-MM-DDTHH:MM")
                return nil
            }
            return value
        }
        let start = time("start", required: true), end = time("end", required: true)
        if let start, let end, end <= start { fail("end \(end.iso) is not after start \(start.iso)") }
        let opens = time("opens", required: false), closes = time("closes", required: false)
        if let opens, let closes, closes <= opens { fail("closes \(closes.iso) is not after opens \(opens.iso)") }
        let mode = a["registration"].flatMap(Session.RegistrationMode.init(rawValue:))
        if mode == nil { fail("registration must be none, desk or online, found \(quoted(a["registration"]))") }
        var capacity: Int?
        if let text = a["capacity"] {
            if let n = Int(text), n >= 0, text.allSatisfy(\.isASCII) { capacity = n } else { fail("capacity \(quoted(text)) is not a whole number ≥ 0") }
        }
        let status = a["status"].map(Session.Status.init(rawValue:)) ?? .scheduled
        if status == nil { fail("status must be scheduled, cancelled or postponed, found \(quoted(a["status"]))") }
        guard ok, let start, let end, let mode, let status else { return nil }
        return Session(id: id, library: library, start: start, end: end, registration: mode, capacity: capacity,
                       opens: opens, closes: closes, status: status)
    }

    func finish(_ parse: inout FeedParse) -> AgendaFeed? {
        guard sawRoot, let timeZone, let generated else { return nil }
        return AgendaFeed(timeZone: timeZone, generated: generated, events: events)
    }
}
