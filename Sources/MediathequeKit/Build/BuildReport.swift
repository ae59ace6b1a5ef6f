/// What a build did, for the command to print.
public struct BuildReport: Sendable, CustomStringConvertible {
    public var output: String
    public var today: Day
    public var events = 0
    public var sessions = 0
    public var patrons = 0
    public var publicFiles = 0
    public var privateFiles = 0
    /// Files whose bytes changed or are new.
    public var written = 0
    /// Files identical to the published ones, kept as they were.
    public var unchanged = 0
    /// Patron folders whose inputs and states did not change, kept whole without rendering.
    public var keptFolders = 0
    /// Patron folders rendered but for their summary, whose rows and states did not change.
    public var keptSummaries = 0
    /// The `site.conf` keys of the portal's actions left empty: those actions are not shown.
    public var actionsOff: [String] = []
    /// What was done about the search, when this build made the public site.
    public var search: String?

    public var description: String {
        """
        Built \(output) for \(today.french): \(events) events (\(sessions) sessions), \(patrons) patrons; \
        \(publicFiles) public and \(privateFiles) private files rendered, \(keptFolders) patron folders kept \
        whole and \(keptSummaries) summaries kept (\(written) written, \(unchanged) unchanged).
        """ + (search.map { "\n" + $0 } ?? "")
            + (actionsOff.isEmpty ? "" : "\nPortal actions not shown (empty in site.conf): \(actionsOff.joined(separator: ", ")).")
    }
}

extension BuildReport {
    /// Adds the patron folders a build did.
    mutating func add(_ tally: PatronTally) {
        patrons = tally.done
        privateFiles = tally.files
        keptFolders = tally.kept
        keptSummaries = tally.keptSummaries
    }
}
