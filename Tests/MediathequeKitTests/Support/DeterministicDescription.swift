import Testing

/// Expects `value`, and everything in it, to describe itself the same way in every process:
/// no class, dictionary, set or floating-point number. What a fingerprint digests by its
/// description (``AgendaDigests``, ``CatalogueSearchDigests``) must be so.
func expectDeterministicDescription(_ value: Any, at path: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let mirror = Mirror(reflecting: value)
    let type = "\(Swift.type(of: value))"
    #expect(!(value is AnyObject && mirror.displayStyle == .class), "\(path): a class, \(type)", sourceLocation: sourceLocation)
    #expect(mirror.displayStyle != .dictionary && mirror.displayStyle != .set, "\(path): \(type)", sourceLocation: sourceLocation)
    #expect(!(value is Double || value is Float), "\(path): \(type)", sourceLocation: sourceLocation)
    for child in mirror.children {
        expectDeterministicDescription(child.value, at: "\(path).\(child.label ?? "[]")", sourceLocation: sourceLocation)
    }
}
