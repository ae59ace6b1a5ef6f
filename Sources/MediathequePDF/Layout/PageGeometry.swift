/// The page and its fixed areas, in PDF points (1/72 inch).
struct PageGeometry {
    /// A4.
    var width = 595.2756
    var height = 841.8898
    var margin = 36.0
    var headerTop = 24.0
    var footerRule: Double { height - 40 }
    var footerText: Double { height - 35 }
    /// Lowest point the body may reach.
    var bodyBottom: Double { height - 50 }
    var contentWidth: Double { width - 2 * margin }
}
