/// One of a patron's favourites shelves ("Mes favoris (mon panier)").
public struct Shelf: Hashable, Sendable {
    public var id: Int64
    /// Shown as text only: a shelf named `../../x` is just a name, never a path.
    public var name: String
    public var kind: Kind
    public var createdOn: Day
    public var entries: [Entry]

    public init(id: Int64, name: String, kind: Kind, createdOn: Day, entries: [Entry] = []) {
        self.id = id
        self.name = name
        self.kind = kind
        self.createdOn = createdOn
        self.entries = entries
    }

    public struct Entry: Hashable, Sendable {
        public var document: Document
        public var addedOn: Day

        public init(document: Document, addedOn: Day) {
            self.document = document
            self.addedOn = addedOn
        }
    }

    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case basket, read, listened, watched, toBorrow = "to_borrow", custom

        /// Order of the guide: the basket, the four default categories, then the patron's own.
        public var order: Int { Kind.allCases.firstIndex(of: self)! }
    }
}
