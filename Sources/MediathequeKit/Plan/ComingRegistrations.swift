/// The registrations the summary shows, on its page and in its PDF: those for sessions
/// not over by `today` (``Session/isOver(on:)``), soonest first. A registration whose
/// session left the feed has no date to show and is left out (``PrivateFolderLayout/registrations``
/// lists it as such).
public enum ComingRegistrations {
    public static func of(_ registrations: [Registration], today: Day,
                          sessions: (SessionKey) -> (event: Event, session: Session)?) -> [(registration: Registration, event: Event, session: Session)] {
        registrations.compactMap { registration -> (Registration, Event, Session)? in
            guard let found = sessions(SessionKey(eventID: registration.eventID, sessionID: registration.sessionID)),
                  !found.session.isOver(on: today) else { return nil }
            return (registration, found.event, found.session)
        }.sorted { a, b in
            (a.2.start, a.1.title, a.0.id) < (b.2.start, b.1.title, b.0.id)
        }
    }
}
