/// The pages of a summary as drawing steps; running headers and footers are added when drawing.
struct ComposedDocument {
    var pages: [[DrawOp]]
    /// The page (from 0) on which each account starts.
    var accountPages: [Int]
    /// Top of the body: where the running header ends.
    var bodyTop: Double
    /// The running header's network name, shaped once.
    var networkName: TextBlock
}

