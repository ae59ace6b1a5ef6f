import Foundation

/// One night's e-mail alerts: load → find each follower's new results → compose → encode →
/// write the day's batch into the outbox, swapped in only when every message is written.
///
/// Deterministic: the windows come from the reference date alone, and the same inputs and
/// date give the same messages, byte for byte.
public struct AlertBuilder {
    public struct Inputs: Sendable {
        public var database: String
        public var agenda: String
        public var siteDirectory: URL
        public var templatesDirectory: URL
        public var outbox: URL
        public var today: Day
        public var secret: SiteSecret

        public init(database: String, agenda: String, siteDirectory: URL, templatesDirectory: URL, outbox: URL,
                    today: Day, secret: SiteSecret) {
            self.database = database
            self.agenda = agenda
            self.siteDirectory = siteDirectory
            self.templatesDirectory = templatesDirectory
            self.outbox = outbox
            self.today = today
            self.secret = secret
        }
    }

    public let inputs: Inputs
    /// Turns a message into the bytes of its `.eml` file (the MIME writer of `MediathequeMail`).
    public let encoder: (MailMessage) throws -> [UInt8]

    public init(inputs: Inputs, encoder: @escaping (MailMessage) throws -> [UInt8]) {
        self.inputs = inputs
        self.encoder = encoder
    }

    /// What a night's alerts did.
    public struct Report: Sendable, CustomStringConvertible {
        public var day: Day
        public var batch: String
        /// Patrons with a followed, active search due today.
        public var followers = 0
        public var messages = 0
        /// Followers left without a message: no address, or one that is not a single plain address.
        public var withoutAddress = 0
        public var invalidAddress = 0

        public var description: String {
            "alerts of \(day.iso): \(messages) message\(messages == 1 ? "" : "s") for \(followers) patron\(followers == 1 ? "" : "s") "
                + "with a search due (\(withoutAddress) without an e-mail address, \(invalidAddress) with an address that is not valid) in \(batch)"
        }
    }

    /// Writes the day's batch.
    /// - Throws: ``BuildError`` naming the stage; the outbox is then as it was.
    public func build() throws -> Report {
        let today = inputs.today
        let due = SavedSearch.Frequency.due(on: today)
        let config = try stage("configuration") { try SiteConfiguration.load(from: inputs.siteDirectory) }
        let templates = try stage("templates") { try TemplateSet(directory: inputs.templatesDirectory) }
        let database = try stage("database") { try AccountDatabase(path: inputs.database) }
        let feed = try stage("agenda") { try AgendaFeedReader(file: inputs.agenda, libraries: database.libraries).read() }
        let content = try stage("database") {
            SiteContent(config: config, feed: feed, libraries: database.libraries, confirmed: try database.confirmedRegistrations(),
                        patronCount: 0, today: today)
        }
        let windows = due.compactMap { $0.window(sentOn: today) }
        let documents = try stage("database") {
            guard let first = windows.map(\.first).min(), let last = windows.map(\.last).max() else { return NewDocuments([]) }
            return NewDocuments(try database.documents(addedFrom: first, to: last))
        }
        let finder = AlertFinder(content: content, documents: documents)
        let composer = try stage("templates") { try AlertComposer(content: content, templates: templates, secret: inputs.secret) }
        let writer = try stage("write") { try OutboxWriter(outbox: Outbox(root: inputs.outbox), day: today) }
        var report = Report(day: today, batch: Outbox(root: inputs.outbox).batch(today).path)
        do {
            try stage("database") {
                try database.forEachFollower { patron, searches in
                    guard searches.contains(where: { $0.active && due.contains($0.frequency) }) else { return }
                    report.followers += 1
                    let address = patron.email?.trimmingWhitespace() ?? ""
                    guard !address.isEmpty else { return report.withoutAddress += 1 }
                    guard MailAddress.isValid(address) else { return report.invalidAddress += 1 }
                    guard let alert = finder.alert(for: patron, searches: searches) else { return }
                    let message = try stage("render") { try composer.message(for: alert, to: address) }
                    let bytes = try stage("encode") { try encoder(message) }
                    try stage("write") { try writer.add(name: Self.fileName(of: message), bytes: bytes) }
                    report.messages += 1
                }
            }
            try stage("write") { try writer.commit() }
        } catch {
            writer.abandon()
            throw error
        }
        return report
    }

    /// A message's file name: its id's digest part, which says nothing of the patron.
    static func fileName(of message: MailMessage) -> String {
        String(message.messageID.prefix { $0 != "@" })
    }

    private func stage<T>(_ name: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as BuildError {
            throw error
        } catch {
            throw BuildError(stage: name, underlying: error)
        }
    }
}
