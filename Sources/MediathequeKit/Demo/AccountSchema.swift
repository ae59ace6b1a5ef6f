/// The account database schema, version 1: the project's copy of the input contract
/// (`docs/account-db.sql`, kept equal by a test). Used to create demo and benchmark databases.
public enum AccountSchema {
    public static let sql = """
-- The account database, schema version 1.
--
-- The library's management system (SIGB) exports this SQLite file every night;
-- the builder only ever reads it (open it read-only, never write to it).
-- A file whose `PRAGMA user_version` is not 1, or that lacks a table or a
-- column below, is refused with a message that names what is missing.
--
-- Conventions
--   * Dates are ISO 8601 text 'YYYY-MM-DD'; timestamps are 'YYYY-MM-DDTHH:MM:SS',
--     local time of the library network (the time zone named in the site
--     configuration, Europe/Paris by default).
--   * Text is UTF-8 and may hold any Unicode (Polish, Turkish, Arabic, Japanese
--     titles and names exist in real catalogues). It may also hold characters
--     that are dangerous in HTML, XML or ICS: escape on output, never trust.
--   * Extra tables or columns may exist; ignore them.

PRAGMA user_version = 1;

-- A médiathèque of the network ("site", "Emprunté à", "Lieu de mise à disposition").
CREATE TABLE library (
  code    TEXT PRIMARY KEY,            -- stable short code: 'TAR'
  name    TEXT NOT NULL,               -- 'Tarentaize'
  address TEXT,
  phone   TEXT
);

-- A reader ("usager", "lecteur").
CREATE TABLE patron (
  card_number        TEXT PRIMARY KEY, -- 14 digits: '24200001234567'
  pseudo             TEXT NOT NULL UNIQUE, -- default 'PrénomN', e.g. 'AuroreB'
  first_name         TEXT NOT NULL,
  last_name          TEXT NOT NULL,
  birth_date         TEXT,
  sex                TEXT,             -- 'F', 'M' or NULL
  email              TEXT,
  phone              TEXT,
  mobile             TEXT,
  address            TEXT,
  address_extra      TEXT,             -- 'Complément d'adresse'
  postal_code        TEXT,
  city               TEXT,
  home_library       TEXT REFERENCES library(code),
  membership_expires TEXT NOT NULL,    -- 'Adhésion valable jusqu'au'
  recommendations    INTEGER NOT NULL DEFAULT 0, -- 1: 'Activation des recommandations'
  feed_key_version   INTEGER NOT NULL DEFAULT 0  -- bump to revoke this patron's private links
);

-- "Comptes partagés": the holder sees the member's account (loans, holds,
-- registrations) and may renew the member's loans. Family members usually
-- share in both directions, but a row says one direction only.
CREATE TABLE account_share (
  holder_card TEXT NOT NULL REFERENCES patron(card_number),
  member_card TEXT NOT NULL REFERENCES patron(card_number),
  PRIMARY KEY (holder_card, member_card),
  CHECK (holder_card <> member_card)
);

-- A catalogue record ("notice").
CREATE TABLE document (
  id        INTEGER PRIMARY KEY,
  title     TEXT NOT NULL,             -- 'HPI : Haut Potentiel Intellectuel. Saison 2'
  authors   TEXT,                      -- display form: 'Carrié, Stéphane. Auteur'
  kind      TEXT NOT NULL,             -- 'Livre', 'Vidéo', 'Musique', 'Application', 'Revue', 'Livre audio', 'Partition', ...
  year      INTEGER,
  summary   TEXT,
  series    TEXT,                      -- 'HPI .2'
  genre     TEXT,                      -- facet: 'Roman policier', 'Manga', 'Bande dessinée', ...
  audience  TEXT,                      -- facet: 'Adulte', 'Jeunesse', 'Ado'
  subjects  TEXT,                      -- ' ; '-separated subject headings
  isbn      TEXT,
  added_on  TEXT NOT NULL              -- the day the record entered the catalogue (new acquisitions)
);

-- A physical copy ("exemplaire").
CREATE TABLE item (
  barcode     TEXT PRIMARY KEY,        -- 14 digits: '34200021072893'
  document_id INTEGER NOT NULL REFERENCES document(id),
  library     TEXT NOT NULL REFERENCES library(code),
  call_number TEXT                     -- 'cote': 'R MOR'
);

-- A loan ("prêt"). Current loans have returned_on NULL; returned loans form
-- the loan history ("Historique de prêts"), which is shown for three months
-- only (GDPR): an older returned loan never appears in any output.
CREATE TABLE loan (
  id          INTEGER PRIMARY KEY,
  barcode     TEXT NOT NULL REFERENCES item(barcode),
  patron_card TEXT NOT NULL REFERENCES patron(card_number),
  library     TEXT NOT NULL REFERENCES library(code), -- 'Emprunté à'
  borrowed_on TEXT NOT NULL,
  due_on      TEXT NOT NULL,           -- 'Retour le'
  renewals    INTEGER NOT NULL DEFAULT 0, -- times already renewed ('prolongé')
  returned_on TEXT                     -- 'Rendu le'
);

-- A hold ("réservation") that is still active. A hold is waiting (available_on
-- NULL, queue_position = 'Rang' >= 1) or available for pickup (available_on and
-- available_until set, queue_position NULL).
CREATE TABLE hold (
  id              INTEGER PRIMARY KEY,
  document_id     INTEGER NOT NULL REFERENCES document(id),
  patron_card     TEXT NOT NULL REFERENCES patron(card_number),
  pickup_library  TEXT NOT NULL REFERENCES library(code), -- 'Lieu de mise à disposition'
  placed_on       TEXT NOT NULL,       -- 'Réservé le'
  available_on    TEXT,                -- 'Mise à disposition'
  available_until TEXT,                -- 'Disponible jusqu'au'
  queue_position  INTEGER              -- 'Rang'
);

-- A review ("avis"); shown publicly only once the staff published it.
CREATE TABLE review (
  id          INTEGER PRIMARY KEY,
  patron_card TEXT NOT NULL REFERENCES patron(card_number),
  document_id INTEGER NOT NULL REFERENCES document(id),
  pseudonym   TEXT NOT NULL,
  rating      INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
  title       TEXT NOT NULL,
  body        TEXT NOT NULL,
  written_at  TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('pending', 'published', 'rejected'))
);

-- "Mes favoris (mon panier)": a patron's shelves. Every patron may have the
-- basket itself ('basket': not yet sorted), the four default categories and
-- shelves of their own ('custom').
CREATE TABLE shelf (
  id          INTEGER PRIMARY KEY,
  patron_card TEXT NOT NULL REFERENCES patron(card_number),
  name        TEXT NOT NULL,           -- 'J'ai lu', 'J'ai écouté', 'J'ai regardé', 'À emprunter', or the patron's own
  kind        TEXT NOT NULL CHECK (kind IN ('basket', 'read', 'listened', 'watched', 'to_borrow', 'custom')),
  created_on  TEXT NOT NULL,
  UNIQUE (patron_card, name)
);

CREATE TABLE shelf_entry (
  shelf_id    INTEGER NOT NULL REFERENCES shelf(id),
  document_id INTEGER NOT NULL REFERENCES document(id),
  added_on    TEXT NOT NULL,
  PRIMARY KEY (shelf_id, document_id)
);

-- "Mes centres d'intérêt": a saved search over the catalogue or the agenda.
CREATE TABLE saved_search (
  id          INTEGER PRIMARY KEY,
  patron_card TEXT NOT NULL REFERENCES patron(card_number),
  name        TEXT NOT NULL,           -- 'Mangas : nouveautés'
  scope       TEXT NOT NULL CHECK (scope IN ('catalogue', 'agenda')),
  query       TEXT NOT NULL DEFAULT '', -- the words typed in the search box; may be empty
  created_on  TEXT NOT NULL,
  followed    INTEGER NOT NULL DEFAULT 0, -- 1: 'Suivre la recherche en recevant les nouveaux résultats'
  frequency   TEXT NOT NULL DEFAULT 'daily' CHECK (frequency IN ('daily', 'weekly', 'monthly')),
  active      INTEGER NOT NULL DEFAULT 1  -- 0: switched off (grey button)
);

-- The facets of a saved search; several rows with the same facet are ORed,
-- different facets are ANDed.
--   catalogue facets: 'kind', 'genre', 'library', 'audience', 'year_from', 'year_to'
--   agenda facets:    'category', 'library', 'audience', 'date_from', 'date_to'
CREATE TABLE saved_search_facet (
  search_id INTEGER NOT NULL REFERENCES saved_search(id),
  facet     TEXT NOT NULL,
  value     TEXT NOT NULL
);

-- "Mes inscriptions événements": one person's registration for one session of
-- an event of the agenda feed. registered_by is the account that made it (a
-- holder may register the members of their shared accounts).
CREATE TABLE event_registration (
  id            INTEGER PRIMARY KEY,
  patron_card   TEXT NOT NULL REFERENCES patron(card_number),
  registered_by TEXT NOT NULL REFERENCES patron(card_number),
  event_id      TEXT NOT NULL,         -- <event id="..."> in the agenda feed
  session_id    TEXT NOT NULL,         -- <session id="..."> in the agenda feed
  status        TEXT NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'refused', 'cancelled')),
  registered_at TEXT NOT NULL
);

CREATE INDEX loan_patron ON loan(patron_card, returned_on);
CREATE INDEX hold_patron ON hold(patron_card);
CREATE INDEX hold_document ON hold(document_id);
CREATE INDEX registration_session ON event_registration(event_id, session_id);
CREATE INDEX registration_patron ON event_registration(patron_card);
CREATE INDEX document_added ON document(added_on);
"""
}
