import Foundation

/// The schema.org JSON-LD of an event page, for search engines: one `Event` per coming
/// session, in start order.
///
/// One `Event` per session rather than an `EventSeries` with `subEvent`s: each session has
/// its own place, status and places left, so each is a whole event; search engines'
/// event listings read `Event`s with one date and one place, and ignore a series' children.
/// Each carries the URL of its own row of the sessions table.
///
/// Written by ``PrivateJSON``, which escapes `<`, `>` and `&`: a `</script>` in a title
/// stays text inside the page's `<script>` element.
struct EventStructuredData {
    /// At most this many places left (and at least one): `LimitedAvailability`.
    static let limitedPlaces = 5

    let content: SiteContent
    /// The absolute URL of the event's page.
    let pageURL: String
    let zone: TimeZone

    /// The JSON text, or `nil` when the event has no coming session.
    func json(for event: Event) -> String? {
        let now = content.now
        let coming = event.sessions.filter { $0.end > now }.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
        guard !coming.isEmpty else { return nil }
        return PrivateJSON.array(coming.map { self.event(event, $0) }).text
    }

    func event(_ event: Event, _ session: Session) -> PrivateJSON {
        let url = pageURL + "#" + EventPageView.anchor(for: session, in: event)
        var members: [String: PrivateJSON] = [
            "@context": .string("https://schema.org"),
            "@type": .string("Event"),
            "@id": .string(url),
            "url": .string(url),
            "name": .string(Text.clean(event.title)),
            "startDate": .string(session.start.iso8601(in: zone)),
            "endDate": .string(session.end.iso8601(in: zone)),
            "eventStatus": .string(Self.schema(Self.status(session.status))),
            "eventAttendanceMode": .string(Self.schema("OfflineEventAttendanceMode")),
            "location": place(session.library),
            "organizer": .object(["@type": .string("Organization"), "name": .string(Text.clean(content.config.networkName)),
                                  "url": .string(content.config.baseURL)]),
            "offers": offer(event, session, pageURL: url),
            "isAccessibleForFree": .bool(true),
            "inLanguage": .string("fr"),
        ]
        if let description = (event.summary ?? event.paragraphs.first).map(Text.clean), !description.isEmpty {
            members["description"] = .string(description)
        }
        if let image = event.image.flatMap({ HTMLText.httpURL($0.href) }) { members["image"] = .array([.string(image)]) }
        if let audience = event.audience.map(Text.clean), !audience.isEmpty {
            members["audience"] = .object(["@type": .string("Audience"), "audienceType": .string(audience)])
        }
        return .object(members)
    }

    /// Free of charge; available while places are left.
    func offer(_ event: Event, _ session: Session, pageURL: String) -> PrivateJSON {
        let places = content.placesRemaining(of: session, in: event)
        let url = session.registration == .online
            ? content.config.registrationURL(event: event.id, session: session.id) : pageURL
        var members: [String: PrivateJSON] = [
            "@type": .string("Offer"), "price": .int(0), "priceCurrency": .string("EUR"),
            "availability": .string(Self.schema(Self.availability(placesLeft: places))), "url": .string(url),
        ]
        if session.registration == .online, let opens = session.opens { members["validFrom"] = .string(opens.iso8601(in: zone)) }
        return .object(members)
    }

    /// The library as a `Place`; its address, when the database has one.
    func place(_ library: Library) -> PrivateJSON {
        var members: [String: PrivateJSON] = ["@type": .string("Place"), "name": .string(Text.clean(library.name))]
        if let address = library.address.map(Text.clean), !address.isEmpty { members["address"] = Self.postalAddress(address) }
        return .object(members)
    }

    /// "20-24 rue Jo Gouttebarge, 42000 Saint-Étienne": street, postal code and town when the
    /// address ends with a French postal code and town, else the whole as the street.
    static func postalAddress(_ address: String) -> PrivateJSON {
        var members: [String: PrivateJSON] = ["@type": .string("PostalAddress"), "addressCountry": .string("FR")]
        let parts = address.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        if parts.count >= 2, let last = parts.last, last.count > 6,
           last.prefix(5).allSatisfy(\.isASCIIDigitCharacter), last.dropFirst(5).first == " " {
            members["streetAddress"] = .string(parts.dropLast().joined(separator: ", "))
            members["postalCode"] = .string(String(last.prefix(5)))
            members["addressLocality"] = .string(String(last.dropFirst(6)))
        } else {
            members["streetAddress"] = .string(address)
        }
        return .object(members)
    }

    static func status(_ status: Session.Status) -> String {
        switch status {
        case .scheduled: "EventScheduled"
        case .cancelled: "EventCancelled"
        case .postponed: "EventPostponed"
        }
    }

    /// `SoldOut` with no place left, `LimitedAvailability` with a few, else `InStock` (no limit too).
    static func availability(placesLeft: Int?) -> String {
        guard let placesLeft else { return "InStock" }
        if placesLeft == 0 { return "SoldOut" }
        return placesLeft <= limitedPlaces ? "LimitedAvailability" : "InStock"
    }

    static func schema(_ name: String) -> String { "https://schema.org/" + name }
}

private extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
