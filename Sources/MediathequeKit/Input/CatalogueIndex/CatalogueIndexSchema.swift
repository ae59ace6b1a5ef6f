/// The tables of a part of the catalogue index (``CatalogueIndexPart``), and how they are filled.
enum CatalogueIndexSchema {
    /// A document's row, by its place in the age order (`pos`, the full-text row id), with its
    /// facets folded (`kind_f`...; ``SearchText/fold(_:)``), and the libraries of its items.
    static let tables = """
        CREATE TABLE doc (
          pos INTEGER PRIMARY KEY, id INTEGER NOT NULL, title TEXT NOT NULL, authors TEXT, kind TEXT NOT NULL,
          year INTEGER, summary TEXT, series TEXT, genre TEXT, audience TEXT, subjects TEXT, isbn TEXT,
          added_on TEXT NOT NULL, kind_f TEXT NOT NULL, genre_f TEXT, audience_f TEXT);
        CREATE TABLE doc_library (doc_id INTEGER NOT NULL, library_f TEXT NOT NULL, library TEXT NOT NULL,
          PRIMARY KEY (doc_id, library_f)) WITHOUT ROWID;
        CREATE VIRTUAL TABLE doc_text USING fts5(body, content='', detail='none', tokenize='unicode61 remove_diacritics 2');
        """

    /// The values of a document's row, in the order of ``tables``.
    static let insertDocument = """
        INSERT INTO doc (pos, id, title, authors, kind, year, summary, series, genre, audience, subjects, isbn,
                         added_on, kind_f, genre_f, audience_f) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    static let insertLibrary = "INSERT OR IGNORE INTO doc_library (doc_id, library_f, library) VALUES (?, ?, ?)"

    /// Between a document's subjects in `doc.subjects`: a word boundary to the tokenizer, as the
    /// matcher's line breaks are (``SavedSearchMatcher/searchableText(of:)``); a match's subjects
    /// are split on it.
    static let subjectSeparator = " ; "

    /// Filled once every document is in: the text is ``SavedSearchMatcher/searchableText(of:)``'s
    /// fields (subjects keep their ``subjectSeparator``).
    static let finish = """
        INSERT INTO doc_text (rowid, body)
          SELECT pos, title || char(10) || ifnull(authors, '') || char(10) || ifnull(series, '') || char(10)
                 || ifnull(summary, '') || char(10) || ifnull(subjects, '') || char(10) || ifnull(genre, '')
          FROM doc;
        CREATE INDEX doc_genre ON doc(genre_f, pos);
        CREATE INDEX doc_kind ON doc(kind_f, pos);
        """
}
