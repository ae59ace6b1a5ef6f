-- The next night of a network: what the benchmark's "nightly" scenario and the tests of
-- the nightly rebuild (IncrementalBuildTests) change in a copy of the account database.
-- Bind @today to the new day, a text (in sqlite3: .parameter set @today "'2025-03-29'").
--
-- 2% of the patrons, those whose card number ends in 07 or 57, each did one thing at the
-- library that day, by the card's hundreds digit (0-9, taken modulo 5):
--   0  returned the loan due first (it moves to the history);
--   1  borrowed an item, due in 28 days;
--   2  placed a hold on a document, last in its queue;
--   3  saw the first of their waiting holds made available, for 14 days;
--   4  registered for session s0 of event gen-0 (every generated agenda has it).
-- And the libraries catalogued new documents that day (added_on = @today), one per 500
-- patrons (two at least), each with an item: new editions of documents taken at evenly
-- spaced places of the catalogue. The odd ones keep their document's kind and genre, which
-- the generated catalogue searches follow ("Manga : nouveautés"); the even ones are
-- video games, without summary or subjects, which no search of the generated data or of
-- the demo follows.
-- Everything is chosen from the card numbers and the rows' places: the same database
-- gives the same night.

CREATE TEMP TABLE night_patron AS
  SELECT card_number AS card, CAST(substr(card_number, -3, 1) AS INTEGER) % 5 AS act, home_library
  FROM patron
  WHERE substr(card_number, -2) IN ('07', '57');

UPDATE loan SET returned_on = @today
WHERE id IN (
  SELECT (SELECT l.id FROM loan l WHERE l.patron_card = n.card AND l.returned_on IS NULL ORDER BY l.due_on, l.id LIMIT 1)
  FROM night_patron n WHERE n.act = 0);

INSERT INTO loan (barcode, patron_card, library, borrowed_on, due_on, renewals)
SELECT i.barcode, n.card, i.library, @today, date(@today, '+28 days'), 0
FROM night_patron n
JOIN item i ON i.rowid = 1 + CAST(n.card AS INTEGER) % (SELECT max(rowid) FROM item)
WHERE n.act = 1;

INSERT INTO hold (document_id, patron_card, pickup_library, placed_on, queue_position)
SELECT d.id, n.card, coalesce(n.home_library, (SELECT min(code) FROM library)), @today,
       1 + (SELECT count(*) FROM hold h WHERE h.document_id = d.id AND h.available_on IS NULL)
FROM night_patron n
JOIN document d ON d.id = coalesce(
  (SELECT id FROM document WHERE id >= (SELECT min(id) FROM document) + CAST(n.card AS INTEGER) % (SELECT count(*) FROM document)
   ORDER BY id LIMIT 1),
  (SELECT min(id) FROM document))
WHERE n.act = 2;

UPDATE hold SET available_on = @today, available_until = date(@today, '+14 days'), queue_position = NULL
WHERE id IN (
  SELECT (SELECT h.id FROM hold h WHERE h.patron_card = n.card AND h.available_on IS NULL ORDER BY h.placed_on, h.id LIMIT 1)
  FROM night_patron n WHERE n.act = 3);

INSERT INTO event_registration (patron_card, registered_by, event_id, session_id, status, registered_at)
SELECT n.card, n.card, 'gen-0', 's0', 'confirmed', @today || 'T09:00:00'
FROM night_patron n WHERE n.act = 4;

CREATE TEMP TABLE night_document AS
WITH RECURSIVE k(n) AS (
  SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < max(2, (SELECT count(*) FROM patron) / 500))
SELECT k.n AS n, (SELECT max(id) FROM document) + k.n AS id, (
  SELECT id FROM document
  WHERE id >= (SELECT min(id) FROM document)
              + k.n * ((SELECT max(id) FROM document) - (SELECT min(id) FROM document)) / (SELECT max(n) + 1 FROM k)
  ORDER BY id LIMIT 1) AS source
FROM k;

INSERT INTO document (id, title, authors, kind, year, summary, series, genre, audience, subjects, isbn, added_on)
SELECT n.id, d.title, d.authors,
       CASE WHEN n.n % 2 = 1 THEN d.kind ELSE 'Jeu vidéo' END, CAST(substr(@today, 1, 4) AS INTEGER),
       CASE WHEN n.n % 2 = 1 THEN d.summary END, NULL,
       CASE WHEN n.n % 2 = 1 THEN d.genre ELSE 'Jeu vidéo' END, d.audience,
       CASE WHEN n.n % 2 = 1 THEN d.subjects END, NULL, @today
FROM night_document n JOIN document d ON d.id = n.source;

INSERT INTO item (barcode, document_id, library, call_number)
SELECT printf('%014d', (SELECT max(CAST(barcode AS INTEGER)) FROM item) + n.n), n.id,
       coalesce((SELECT min(i.library) FROM item i WHERE i.document_id = n.source), (SELECT min(code) FROM library)),
       CASE WHEN n.n % 2 = 1 THEN (SELECT min(i.call_number) FROM item i WHERE i.document_id = n.source) ELSE 'JV' END
FROM night_document n;

DROP TABLE night_patron;
DROP TABLE night_document;
