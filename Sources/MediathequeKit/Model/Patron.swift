/// A reader's personal data, the fields of the guide's "Mon profil".
public struct Patron: Hashable, Sendable {
    public var cardNumber: String
    public var pseudo: String
    public var firstName: String
    public var lastName: String
    public var birthDate: Day?
    public var sex: String?
    public var email: String?
    public var phone: String?
    public var mobile: String?
    public var address: String?
    public var addressExtra: String?
    public var postalCode: String?
    public var city: String?
    public var homeLibrary: Library?
    public var membershipExpires: Day
    public var recommendations: Bool
    public var feedKeyVersion: Int

    public init(cardNumber: String, pseudo: String, firstName: String, lastName: String,
                birthDate: Day? = nil, sex: String? = nil, email: String? = nil, phone: String? = nil,
                mobile: String? = nil, address: String? = nil, addressExtra: String? = nil,
                postalCode: String? = nil, city: String? = nil, homeLibrary: Library? = nil,
                membershipExpires: Day, recommendations: Bool = false, feedKeyVersion: Int = 0) {
        self.cardNumber = cardNumber
        self.pseudo = pseudo
        self.firstName = firstName
        self.lastName = lastName
        self.birthDate = birthDate
        self.sex = sex
        self.email = email
        self.phone = phone
        self.mobile = mobile
        self.address = address
        self.addressExtra = addressExtra
        self.postalCode = postalCode
        self.city = city
        self.homeLibrary = homeLibrary
        self.membershipExpires = membershipExpires
        self.recommendations = recommendations
        self.feedKeyVersion = feedKeyVersion
    }

    /// "Aurore Boréale": how a member is labelled on a holder's pages.
    public var displayName: String { "\(firstName) \(lastName)" }
}
