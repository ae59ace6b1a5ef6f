/// What a build is doing, for progress lines.
public enum BuildProgress: Sendable {
    case stage(String)
    case patrons(done: Int, total: Int)
}
