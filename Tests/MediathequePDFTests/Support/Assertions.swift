import Testing

/// `qpdf --check` passes: exit status 0, no warning, nothing on standard error.
func expectSoundPDF(_ pdf: [UInt8], _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let check = try PDFTools.check(pdf)
    #expect(check.status == 0, "qpdf --check exit status for \(name)", sourceLocation: sourceLocation)
    #expect(!check.output.localizedLowercase.contains("warning"), "qpdf warns about \(name): \(check.output)",
            sourceLocation: sourceLocation)
    #expect(check.errors.isEmpty, "qpdf errors for \(name): \(check.errors)", sourceLocation: sourceLocation)
}

/// Text as pdftotext gives it back, with the bidi marks it adds around right-to-left runs removed.
func plain(_ text: String) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.filter { !(0x202A...0x202E).contains($0.value) }))
}

/// `text` with every whitespace removed: wrapped lines compare equal to the unwrapped string.
func squeezed(_ text: String) -> String {
    String(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
}
