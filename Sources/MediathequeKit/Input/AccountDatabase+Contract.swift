import CSupport
import GRDB

/// The row-level rules of the input contract: each table is scanned once for all of its
/// rules, and every row that breaks one is reported with its table, row id, column and value.
extension AccountDatabase {
    struct RowRule {
        var table: ContractTable
        var column: String
        /// SQL condition that holds for a bad row.
        var violation: String
        var message: String
        /// How the message shows the value, as an SQL expression; the column's text, quoted, by default.
        var shown: String? = nil
    }

    /// How each table names a row in messages.
    static func rowID(_ table: ContractTable) -> String {
        switch table {
        case .library: "code"
        case .patron: "card_number"
        case .accountShare: "holder_card || ' → ' || member_card"
        case .item: "barcode"
        case .shelfEntry: "shelf_id || '/' || document_id"
        case .savedSearchFacet: "rowid"
        case .document, .loan, .hold, .review, .shelf, .savedSearch, .eventRegistration: "id"
        }
    }

    // contract_date and contract_timestamp (registered by ``contractProblems``) accept a day
    // that exists (not February 30th) in that exact form: the texts that date(julianday(c))
    // and strftime('%Y-%m-%dT%H:%M:%S', julianday(c)) give back unchanged, but for SQLite's
    // own slip in the year 300 (it gives back 0300-02-29, a day the calendar does not have).
    // A Julian day per value made these date checks most of the checks' time.
    static func date(_ c: String, nullable: Bool = false) -> String {
        nullable ? "\(c) IS NOT NULL AND NOT contract_date(\(c))" : "\(c) IS NULL OR NOT contract_date(\(c))"
    }
    static func timestamp(_ c: String) -> String { "NOT contract_timestamp(\(c))" }
    static func digits14(_ c: String) -> String {
        "typeof(\(c)) <> 'text' OR length(\(c)) <> 14 OR \(c) GLOB '*[^0-9]*'"
    }
    /// A reference to a missing row. `{t}` stands for the checked table: a correlated lookup uses
    /// the referenced key's index, where `NOT IN` would copy the whole referenced table each time.
    static func unknown(_ c: String, in table: ContractTable, _ key: String, nullable: Bool = false) -> String {
        (nullable ? "{t}.\(c) IS NOT NULL AND " : "") + "NOT EXISTS (SELECT 1 FROM \(table.rawValue) ref WHERE ref.\(key) = {t}.\(c))"
    }
    static func missing(_ c: String) -> String { "\(c) IS NULL OR trim(\(c)) = ''" }
    static func flag(_ c: String) -> String { "\(c) IS NULL OR \(c) NOT IN (0, 1)" }
    static func oneOf(_ c: String, _ values: [String]) -> String {
        "\(c) IS NULL OR \(c) NOT IN (" + values.map { "'\($0)'" }.joined(separator: ", ") + ")"
    }

    static let rowRules: [RowRule] = [
        RowRule(table: .library, column: "name", violation: missing("name"), message: "is empty"),
        RowRule(table: .patron, column: "card_number", violation: digits14("card_number"), message: "is not a 14-digit card number"),
        RowRule(table: .patron, column: "pseudo", violation: missing("pseudo"), message: "is empty"),
        RowRule(table: .patron, column: "first_name", violation: "first_name IS NULL", message: "is missing"),
        RowRule(table: .patron, column: "last_name", violation: "last_name IS NULL", message: "is missing"),
        RowRule(table: .patron, column: "birth_date", violation: date("birth_date", nullable: true), message: "is not a date (YYYY-MM-DD)"),
        RowRule(table: .patron, column: "sex", violation: "sex IS NOT NULL AND sex NOT IN ('F', 'M')", message: "is neither 'F', 'M' nor NULL"),
        RowRule(table: .patron, column: "home_library", violation: unknown("home_library", in: .library, "code", nullable: true), message: "names an unknown library"),
        RowRule(table: .patron, column: "membership_expires", violation: date("membership_expires"), message: "is not a date (YYYY-MM-DD)"),
        RowRule(table: .patron, column: "recommendations", violation: flag("recommendations"), message: "is neither 0 nor 1"),
        RowRule(table: .patron, column: "feed_key_version", violation: "typeof(feed_key_version) <> 'integer' OR feed_key_version < 0", message: "is not a whole number ≥ 0"),
        RowRule(table: .accountShare, column: "holder_card", violation: unknown("holder_card", in: .patron, "card_number"), message: "names an unknown patron"),
        RowRule(table: .accountShare, column: "member_card", violation: unknown("member_card", in: .patron, "card_number"), message: "names an unknown patron"),
        RowRule(table: .accountShare, column: "member_card", violation: "member_card = holder_card", message: "shares an account with itself"),
        RowRule(table: .document, column: "title", violation: "title IS NULL", message: "is missing"),
        RowRule(table: .document, column: "kind", violation: missing("kind"), message: "is empty"),
        RowRule(table: .document, column: "year", violation: "year IS NOT NULL AND typeof(year) <> 'integer'", message: "is not a year"),
        RowRule(table: .document, column: "added_on", violation: date("added_on"), message: "is not a date (YYYY-MM-DD)"),
        RowRule(table: .item, column: "barcode", violation: digits14("barcode"), message: "is not a 14-digit barcode"),
        RowRule(table: .item, column: "document_id", violation: unknown("document_id", in: .document, "id"), message: "names an unknown document"),
        RowRule(table: .item, column: "library", violation: unknown("library", in: .library, "code"), message: "names an unknown library"),
        RowRule(table: .loan, column: "barcode", violation: unknown("barcode", in: .item, "barcode"), message: "names an unknown item"),
        RowRule(table: .loan, column: "patron_card", violation: unknown("patron_card", in: .patron, "card_number"), message: "names an unknown patron"),
        RowRule(table: .loan, column: "library", violation: unknown("library", in: .library, "code"), message: "names an unknown library"),
        RowRule(table: .loan, column: "borrowed_on", violation: date("borrowed_on"), message: "is not a date (YYYY-MM-DD)"),
        RowRule(table: .loan, column: "due_on", violation: date("due_on"), message: "is not a date (YYYY-MM-DD)"),
        RowRule(table: .loan, column: "due_on", violation: "contract_date(due_on) AND contract_date(borrowed_on) AND due_on < borrowed_on", message: "is before the loan's borrowed_on"),
        RowRule(table: .loan, column: "returned_on", violation: date("returned_on", nullable: true), message: "is not a date (YYYY-MM-DD)"),
        RowRule(table: .loan, column: "renewals", violation: "typeof(renewals) <> 'integer' OR renewals < 0", message: "is not a whole number ≥ 0"),
        RowRule(table: .hold, column: "document_id", violation: unknown("document_id", in: .document, "id"), message: "names an unknown document"),
        RowRule(table: .hold, column: "patron_card", violation: unknown("patron_card", in: .patron, "card_number"), message: "names an unknown patron"),
        RowRule(table: .hold, column: "pickup_library", violation: unknown("pickup_library", in: .library, "code"), message: "names an unknown library"),
        RowRule(table: .hold, column: "placed_on", violation: date("placed_on"), message: "is not a date (YYYY-MM-DD)"),
        RowRule(table: .hold, column: "available_on", violation: date("available_on", nullable: true), message: "is not a date (YYYY-MM-DD)"),
        RowRule(table: .hold, column: "available_until", violation: date("available_until", nullable: true), message: "is not a date (YYYY-MM-DD)"),
        RowRule(table: .hold, column: "queue_position", violation: """
            NOT ((available_on IS NULL AND available_until IS NULL AND typeof(queue_position) = 'integer' AND queue_position >= 1)
              OR (available_on IS NOT NULL AND available_until IS NOT NULL AND queue_position IS NULL))
            """, message: "hold is neither waiting (rank ≥ 1, no availability dates) nor available (both dates, no rank)"),
        RowRule(table: .review, column: "patron_card", violation: unknown("patron_card", in: .patron, "card_number"), message: "names an unknown patron"),
        RowRule(table: .review, column: "document_id", violation: unknown("document_id", in: .document, "id"), message: "names an unknown document"),
        RowRule(table: .review, column: "rating", violation: "typeof(rating) <> 'integer' OR rating NOT BETWEEN 1 AND 5", message: "is not a rating from 1 to 5"),
        RowRule(table: .review, column: "written_at", violation: timestamp("written_at"), message: "is not a timestamp (YYYY-MM-DDTHH:MM:SS)"),
        RowRule(table: .review, column: "status", violation: oneOf("status", ["pending", "published", "rejected"]), message: "is not pending, published or rejected"),
        RowRule(table: .shelf, column: "patron_card", violation: unknown("patron_card", in: .patron, "card_number"), message: "names an unknown patron"),
        RowRule(table: .shelf, column: "kind", violation: oneOf("kind", Shelf.Kind.allCases.map(\.rawValue)), message: "is not a shelf kind"),
        RowRule(table: .shelf, column: "created_on", violation: date("created_on"), message: "is not a date (YYYY-MM-DD)"),
        RowRule(table: .shelfEntry, column: "shelf_id", violation: unknown("shelf_id", in: .shelf, "id"), message: "names an unknown shelf"),
        RowRule(table: .shelfEntry, column: "document_id", violation: unknown("document_id", in: .document, "id"), message: "names an unknown document"),
        RowRule(table: .shelfEntry, column: "added_on", violation: date("added_on"), message: "is not a date (YYYY-MM-DD)"),
        RowRule(table: .savedSearch, column: "patron_card", violation: unknown("patron_card", in: .patron, "card_number"), message: "names an unknown patron"),
        RowRule(table: .savedSearch, column: "scope", violation: oneOf("scope", ["catalogue", "agenda"]), message: "is neither catalogue nor agenda"),
        RowRule(table: .savedSearch, column: "query", violation: "query IS NULL", message: "is missing"),
        RowRule(table: .savedSearch, column: "created_on", violation: date("created_on"), message: "is not a date (YYYY-MM-DD)"),
        RowRule(table: .savedSearch, column: "followed", violation: flag("followed"), message: "is neither 0 nor 1"),
        RowRule(table: .savedSearch, column: "frequency", violation: oneOf("frequency", ["daily", "weekly", "monthly"]), message: "is not daily, weekly or monthly"),
        RowRule(table: .savedSearch, column: "active", violation: flag("active"), message: "is neither 0 nor 1"),
        RowRule(table: .savedSearchFacet, column: "search_id", violation: unknown("search_id", in: .savedSearch, "id"), message: "names an unknown saved search"),
        RowRule(table: .savedSearchFacet, column: "facet", violation: """
            facet NOT IN (SELECT value FROM json_each(CASE (SELECT scope FROM saved_search s WHERE s.id = search_id)
              WHEN 'agenda' THEN '["category","library","audience","date_from","date_to"]'
              ELSE '["kind","genre","library","audience","year_from","year_to"]' END))
            """, message: "is not a facet of the search's scope"),
        RowRule(table: .savedSearchFacet, column: "value", violation: """
            (facet IN ('year_from', 'year_to') AND CAST(value AS INTEGER) || '' IS NOT value)
            OR (facet IN ('date_from', 'date_to') AND value IS NOT NULL AND NOT contract_date(value))
            """, message: "is not a valid value for its facet"),
        RowRule(table: .eventRegistration, column: "patron_card", violation: unknown("patron_card", in: .patron, "card_number"), message: "names an unknown patron"),
        RowRule(table: .eventRegistration, column: "registered_by", violation: unknown("registered_by", in: .patron, "card_number"), message: "names an unknown patron"),
        RowRule(table: .eventRegistration, column: "status", violation: oneOf("status", Registration.Status.allCases.map(\.rawValue)), message: "is not confirmed, waitlisted, refused or cancelled"),
        RowRule(table: .eventRegistration, column: "registered_at", violation: timestamp("registered_at"), message: "is not a timestamp (YYYY-MM-DDTHH:MM:SS)"),
        RowRule(table: .eventRegistration, column: "event_id", violation: missing("event_id"), message: "is empty"),
        RowRule(table: .eventRegistration, column: "session_id", violation: missing("session_id"), message: "is empty"),
    ]

    /// Every column the builder reads holds text SQLite can hand over whole: a NUL byte would
    /// cut it short in C and in the pages, invalid UTF-8 would come out three ways in three
    /// formats, and a BLOB is not text. Numbers and NULL pass (their own rules judge them).
    static let textRules: [RowRule] = requiredColumns.tables.flatMap { table, columns in
        columns.map { column in
            // Shown as its bytes: the text SQLite hands over stops at a NUL byte.
            RowRule(table: table, column: column, violation: "contract_text(\(column)) <> 0",
                    message: "is not text: a BLOB, a NUL byte or invalid UTF-8",
                    shown: "'X''' || hex(CAST(\(column) AS BLOB)) || ''''")
        }
    }

    /// Every row that breaks the contract, capped at `limit` with a count of the rest.
    /// Each table is scanned once, for all of its rules together.
    public func contractProblems(limit: Int = 100) throws -> InputProblems {
        var problems = ProblemCollector(limit: limit)
        var tables: [ContractTable] = []
        let allRules = Self.rowRules + Self.textRules
        for rule in allRules where !tables.contains(rule.table) { tables.append(rule.table) }
        try read { db in
            guard mq_register_contract_functions(UnsafeMutableRawPointer(db.sqliteConnection)) == 0 else {
                throw InputProblem(file: file, message: "cannot check the rows: SQLite refused the contract's functions")
            }
            for table in tables {
                let rules = allRules.filter { $0.table == table }
                let conditions = rules.map { "(" + $0.violation.replacingOccurrences(of: "{t}", with: table.rawValue) + ")" }
                let sql = "SELECT \(Self.rowID(table)), "
                    + rules.map { $0.shown ?? $0.column }.joined(separator: ", ") + ", "
                    + conditions.map { "coalesce(\($0), 0)" }.joined(separator: ", ")
                    + " FROM \(table.rawValue) WHERE " + conditions.joined(separator: " OR ")
                let rows = try Row.fetchCursor(db, sql: sql)
                while let row = try rows.next() {
                    for (index, rule) in rules.enumerated() where row.int(1 + rules.count + index) == 1 {
                        let value = row.text(1 + index).map { rule.shown == nil ? "'\(Self.printable($0))'" : Self.printable($0) } ?? "NULL"
                        problems.report(InputProblem(
                            file: file, place: .row(table: table.rawValue, id: Self.printable(row.text(0) ?? "?"), column: rule.column),
                            message: "value \(value) \(rule.message)"))
                    }
                }
            }
        }
        return problems.result
    }

    /// A value safe to print on a terminal: control characters escaped, long text cut.
    static func printable(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars.prefix(80) {
            if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format {
                out += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return text.unicodeScalars.count > 80 ? out + "…" : out
    }
}
