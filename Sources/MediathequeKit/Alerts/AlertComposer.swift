@preconcurrency import Crypto
import Foundation

/// Turns a patron's ``Alert`` into a ``MailMessage``: the headers, and both bodies rendered
/// from the staff's templates (`alerts/message.html`, `alerts/message.txt`), in French.
///
/// Links: a document to its catalogue record (`catalogue_record_url`), an event to its public
/// page, « et N autres » to the search's feed in the patron's private folder. The message id
/// is a keyed digest of the card and the day: the same alert always gets the same id, and the
/// id tells nothing of the patron. One composer per thread (it keeps a template renderer).
public final class AlertComposer {
    public static let templates = ["alerts/message.html", "alerts/message.txt"]

    let content: SiteContent
    private let renderer: TemplateSet.PageRenderer
    private let tokens: PatronToken
    private let ids: HMAC<SHA256>
    private let zone: TimeZone

    /// - Throws: ``RenderError`` when a template is missing.
    public init(content: SiteContent, templates: TemplateSet, secret: SiteSecret) throws {
        try templates.require(Self.templates)
        self.content = content
        renderer = TemplateSet.PageRenderer(templates)
        tokens = PatronToken(secret: secret.bytes)
        var key = HMAC<SHA256>(key: SymmetricKey(data: secret.bytes))
        key.update(data: Array("alert-message-id:".utf8))
        ids = key
        zone = TimeZone(identifier: content.config.timeZone) ?? TimeZone(identifier: "UTC")!
    }

    /// The message of `alert`, to the patron's address.
    /// - Throws: ``RenderError`` when a template fails.
    public func message(for alert: Alert, to address: String) throws -> MailMessage {
        let (subject, view) = self.view(of: alert)
        let config = content.config
        return MailMessage(
            from: config.alertFrom, to: MailAddress(name: Self.line(alert.patron.displayName), address: address), subject: subject,
            date: RSSWriter.rfc822(LocalDateTime(day: alert.day).instant(in: zone), in: zone),
            messageID: messageID(card: alert.patron.cardNumber, day: alert.day), listName: Wording.Alerts.listName(Self.line(config.networkName)),
            listID: "alertes.\(config.alertFrom.domain)", listUnsubscribe: config.alertSettingsURL,
            text: String(decoding: try renderer.render(Self.templates[1], view), as: UTF8.self),
            html: String(decoding: try renderer.render(Self.templates[0], view), as: UTF8.self))
    }

    /// The subject, and what both templates read.
    func view(of alert: Alert) -> (subject: String, view: AlertMessageView) {
        let config = content.config
        let patron = alert.patron
        let subject = Wording.Alerts.subject(alert.sections.map { (Self.line($0.search.name), $0.items.count) })
        let folder = "\(config.privateBaseURL)\(tokens.token(for: patron))/"
        let view = AlertMessageView(
            networkName: Self.line(config.networkName), subject: subject, firstName: Self.line(patron.firstName),
            searches: alert.sections.map { search($0, folder: folder) }, settingsURL: config.alertSettingsURL,
            searchesURL: folder + PrivateFolderLayout.searches.file)
        return (subject, view)
    }

    /// `alerte-20261207-<24 hex digits>@<the sender's domain>`.
    func messageID(card: String, day: Day) -> String {
        var mac = ids
        mac.update(data: Array("\(card):\(day.iso)".utf8))
        return "alerte-\(day.basic)-\(mac.finalize().prefix(12).lowercaseHex)@\(content.config.alertFrom.domain)"
    }

    private func search(_ section: AlertSection, folder: String) -> AlertMessageView.Search {
        let limit = content.config.alertResultsPerSearch
        let hidden = section.items.count - limit
        return .init(
            name: Self.line(section.search.name),
            summary: Wording.Alerts.summary(count: section.items.count, scope: section.search.scope, window: section.window),
            frequency: section.search.frequency.label,
            results: section.items.prefix(limit).map(result),
            more: hidden > 0 ? .init(label: Wording.Alerts.more(hidden), href: folder + PrivateFolderLayout.searchFeed(section.search.id)) : nil)
    }

    private func result(_ item: AlertItem) -> AlertMessageView.Result {
        switch item {
        case .document(let document):
            return .init(title: Self.line(document.title), href: content.config.catalogueRecordURL(document: document.id),
                         details: Self.line(document.facts.joined(separator: " | ")))
        case .event(let event, let sessions):
            let first = sessions[0]
            var details = Wording.Agenda.session(date: FrenchDate.long(first.start.day), first, status: content.status(of: first, in: event))
            if sessions.count > 1 { details += " " + Wording.Alerts.otherSessions(sessions.count - 1) }
            return .init(title: Self.line(event.title), href: content.eventURL(event.id), details: Self.line(details))
        }
    }

    /// Text from the inputs on one line, cleaned for both parts.
    static func line(_ text: String) -> String { HTMLText.clean(RSSWriter.oneLine(text)) }
}
