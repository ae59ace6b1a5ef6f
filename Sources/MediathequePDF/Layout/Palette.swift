/// An RGB colour, components from 0 to 1.
struct Color: Hashable {
    var red: Double
    var green: Double
    var blue: Double

    init(_ red: Double, _ green: Double, _ blue: Double) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// `0x1F3A5F` → the colour.
    init(hex: UInt32) {
        self.init(Double(hex >> 16 & 0xFF) / 255, Double(hex >> 8 & 0xFF) / 255, Double(hex & 0xFF) / 255)
    }
}

/// The summary's colours: dark enough to print in grey, never the only cue.
enum Palette {
    static let ink = Color(hex: 0x1A1A1A)
    static let muted = Color(hex: 0x555B63)
    static let accent = Color(hex: 0x1F3A5F)
    static let band = Color(hex: 0xE9EEF4)
    static let headerRow = Color(hex: 0xDCE3EB)
    static let zebra = Color(hex: 0xF4F6F9)
    static let rule = Color(hex: 0xB9C2CC)
    static let late = Color(hex: 0xF8DEDC)
    static let lateMark = Color(hex: 0x9E1C14)
    static let white = Color(1, 1, 1)
}
