import Mustache

/// `inscriptions.html`, "Mes inscriptions événements": the registrations of the
/// patron and of each shared account, with the session's registration status as
/// of today. A registration whose event or session left the feed is listed as such.
final class PrivateRegistrationsPageView {
    final class RegistrationRow {
        let lastName: String
        let firstName: String
        let eventTitle: String
        let eventLink: String
        let isInFeed: Bool
        let date: String
        let time: String
        let library: String
        let registration: String
        let sessionStatus: String

        /// - Parameter account: the account the registration belongs to.
        init(_ registration: Registration, of account: Account, content: SiteContent) {
            lastName = HTMLText.clean(account.patron.lastName).uppercased()
            firstName = HTMLText.clean(account.patron.firstName)
            self.registration = registration.status.label
            guard let (event, session) = content.session(SessionKey(eventID: registration.eventID, sessionID: registration.sessionID)) else {
                eventTitle = Wording.removedEvent(reference: Text.isolated(HTMLText.clean(registration.eventID)))
                eventLink = ""
                isInFeed = false
                (date, time, library) = ("", "", "")
                sessionStatus = Wording.sessionGone
                return
            }
            eventTitle = HTMLText.clean(event.title)
            eventLink = content.eventURL(event.id)
            isInFeed = true
            date = session.start.day.french
            time = session.start.frenchTime
            library = HTMLText.clean(session.library.name)
            sessionStatus = content.status(of: session, in: event).label
        }
    }

    let page: PageView
    let nav: PrivateNavigation
    let registrations: [RegistrationRow]
    let hasRegistrations: Bool
    let agendaLink: String

    init(bundle: PatronBundle, content: SiteContent) {
        page = PageView(content: content, title: PrivateFolderLayout.registrations.title, depth: 1, isPrivate: true)
        nav = PrivateNavigation(current: PrivateFolderLayout.registrations, depth: 1, patron: bundle.own.patron)
        agendaLink = "\(content.config.baseURL)agenda/"
        registrations = bundle.accounts.flatMap { account in
            account.registrations.map { RegistrationRow($0, of: account, content: content) }
        }
        hasRegistrations = !registrations.isEmpty
    }
}

// MARK: - Mustache lookup

// Mustache finds each name through these switches rather than a `Mirror`, which took half of a
// build's time; keep them in step with the stored properties (`PrivateViewLookupTests` checks).

extension PrivateRegistrationsPageView.RegistrationRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "lastName": self.lastName
        case "firstName": self.firstName
        case "eventTitle": self.eventTitle
        case "eventLink": self.eventLink
        case "isInFeed": self.isInFeed
        case "date": self.date
        case "time": self.time
        case "library": self.library
        case "registration": self.registration
        case "sessionStatus": self.sessionStatus
        default: nil
        }
    }
}

extension PrivateRegistrationsPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": self.page
        case "nav": self.nav
        case "registrations": self.registrations
        case "hasRegistrations": self.hasRegistrations
        case "agendaLink": self.agendaLink
        default: nil
        }
    }
}
