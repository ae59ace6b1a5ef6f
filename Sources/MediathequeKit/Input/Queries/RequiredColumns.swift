/// The tables of the account database's contract (`docs/account-db.sql`), by their names.
enum ContractTable: String, CaseIterable, Sendable {
    case library, patron
    case accountShare = "account_share"
    case document, item, loan, hold, review, shelf
    case shelfEntry = "shelf_entry"
    case savedSearch = "saved_search"
    case savedSearchFacet = "saved_search_facet"
    case eventRegistration = "event_registration"
}

/// The tables and columns the builder's statements read, found in their SQL: what opening a
/// database checks is there (``AccountDatabase/requiredColumns``). A column added to a query
/// is required by that alone.
///
/// The SQL is the builder's own, written one way: keywords in capitals, names in lower case,
/// each table of a `FROM` or `JOIN` with or without an alias. A column is `alias.column`,
/// `table.column`, or a bare name, which belongs to the one table named without an alias.
struct RequiredColumns {
    /// The columns of each table that some statement reads, tables in the contract's order,
    /// columns in the order first read.
    let tables: [(table: ContractTable, columns: [String])]

    init(readBy statements: [String]) {
        var columns: [ContractTable: [String]] = [:]
        for sql in statements {
            for (table, column) in Self.columns(readBy: sql) where !(columns[table]?.contains(column) ?? false) {
                columns[table, default: []].append(column)
            }
        }
        tables = ContractTable.allCases.compactMap { table in columns[table].map { (table, $0) } }
    }

    /// The columns `sql` reads, in order, with their tables.
    static func columns(readBy sql: String) -> [(ContractTable, String)] {
        let tokens = Self.tokens(sql)
        // The tables the statement names, and the tokens that name them.
        var aliases: [String: ContractTable] = [:]
        var unaliased: [ContractTable] = []
        var naming = Set<Int>()
        for (index, token) in tokens.enumerated() where token == .word("FROM") || token == .word("JOIN") {
            guard index + 1 < tokens.count, case .word(let name) = tokens[index + 1] else { continue }
            guard let table = ContractTable(rawValue: name) else { preconditionFailure("not a table of the contract: \(name) in \(sql)") }
            naming.insert(index + 1)
            if index + 2 < tokens.count, case .word(let alias) = tokens[index + 2], !Self.isKeyword(alias) {
                aliases[alias] = table
                naming.insert(index + 2)
            } else {
                unaliased.append(table)
            }
        }
        var read: [(ContractTable, String)] = []
        var index = 0
        while index < tokens.count {
            defer { index += 1 }
            guard case .word(let word) = tokens[index], !naming.contains(index), !Self.isKeyword(word) else { continue }
            let next = index + 1 < tokens.count ? tokens[index + 1] : nil
            if next == .open { continue } // a function
            if next == .dot, index + 2 < tokens.count, case .word(let column) = tokens[index + 2] {
                guard let table = aliases[word] ?? unaliased.first(where: { $0.rawValue == word }) else {
                    preconditionFailure("unknown table or alias '\(word)' in \(sql)")
                }
                read.append((table, column))
                index += 2
            } else {
                precondition(unaliased.count == 1, "bare column '\(word)' but \(unaliased.count) tables without an alias in \(sql)")
                read.append((unaliased[0], word))
            }
        }
        return read
    }

    private enum Token: Equatable {
        case word(String), dot, open, other
    }

    /// Words, dots and opening parentheses; string literals and the rest count for nothing.
    private static func tokens(_ sql: String) -> [Token] {
        var tokens: [Token] = []
        var scalars = sql.unicodeScalars[...]
        while let scalar = scalars.first {
            if scalar == "'" {
                scalars = scalars.dropFirst().drop { $0 != "'" }.dropFirst()
            } else if isWordStart(scalar) {
                let word = scalars.prefix { isWordStart($0) || ("0"..."9").contains($0) }
                tokens.append(.word(String(word)))
                scalars = scalars.dropFirst(word.count)
            } else {
                if scalar == "." { tokens.append(.dot) } else if scalar == "(" { tokens.append(.open) } else if !scalar.properties.isWhitespace { tokens.append(.other) }
                scalars = scalars.dropFirst()
            }
        }
        return tokens
    }

    private static func isWordStart(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_"
    }

    /// Keywords are written in capitals.
    private static func isKeyword(_ word: String) -> Bool { !word.unicodeScalars.contains { ("a"..."z").contains($0) } }
}
