/// The words of the accessibility statement and of the mention every page's footer carries.
extension AccessibilityStatement.Compliance {
    /// As RGAA words it, and as `site.conf` sets it: "partiellement conforme".
    public var label: String {
        switch self {
        case .none: "non conforme"
        case .partial: "partiellement conforme"
        case .full: "totalement conforme"
        }
    }

    /// The footer's link to the statement: "Accessibilité : partiellement conforme".
    public var mention: String {
        switch self {
        case .none: "Accessibilité : non conforme"
        case .partial: "Accessibilité : partiellement conforme"
        case .full: "Accessibilité : totalement conforme"
        }
    }
}

extension Wording {
    public enum Accessibility {
        public static let title = "Déclaration d'accessibilité"
        public static let description = "La conformité du site au RGAA 4.1, et comment signaler ce que vous ne pouvez pas atteindre."
    }
}
