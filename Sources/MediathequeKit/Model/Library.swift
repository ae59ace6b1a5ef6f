/// A médiathèque of the network ("Site", "Emprunté à", "Lieu de mise à disposition").
public struct Library: Hashable, Sendable {
    public var code: String
    public var name: String
    public var address: String?
    public var phone: String?

    public init(code: String, name: String, address: String? = nil, phone: String? = nil) {
        self.code = code
        self.name = name
        self.address = address
        self.phone = phone
    }
}
