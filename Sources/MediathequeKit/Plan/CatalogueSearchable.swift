/// Something that finds the catalogue documents a saved search matches.
///
/// ``CatalogueIndex`` (SQLite FTS5, built once per build) is the implementation;
/// its answers follow ``SavedSearchMatcher``'s rules.
public protocol CatalogueSearchable {
    /// The documents `criteria` matches, newest `added_on` first (then highest id), at most `limit`.
    /// - Throws: whatever the underlying store throws (``InputProblem`` for the index).
    func documents(matching criteria: SearchCriteria, limit: Int) throws -> [Document]
}
