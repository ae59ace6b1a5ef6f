/// An active hold ("réservation"): waiting in the queue or available for pickup.
public struct Hold: Hashable, Sendable {
    public var id: Int64
    public var document: Document
    /// 'Lieu de mise à disposition'.
    public var pickupLibrary: Library
    /// 'Réservé le'.
    public var placedOn: Day
    public var state: HoldState

    public init(id: Int64, document: Document, pickupLibrary: Library, placedOn: Day, state: HoldState) {
        self.id = id
        self.document = document
        self.pickupLibrary = pickupLibrary
        self.placedOn = placedOn
        self.state = state
    }

    /// A hold can be cancelled on line only while it waits; an available one is
    /// cancelled by the staff ("adressez-vous au personnel").
    public var isCancellableOnline: Bool {
        if case .waiting = state { true } else { false }
    }

    public var isAvailable: Bool { !isCancellableOnline }
}

public enum HoldState: Hashable, Sendable {
    /// In the queue at this rank ('Rang', from 1).
    case waiting(rank: Int)
    /// Set aside since `on` ('Mise à disposition'), to be picked up by `until` ('Disponible jusqu'au').
    case available(on: Day, until: Day)
}
