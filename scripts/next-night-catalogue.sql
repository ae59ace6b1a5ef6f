-- The same night's acquisitions: what the benchmark's "acquisitions" scenario and the tests
-- of the nightly rebuild (IncrementalBuildTests, after scripts/next-night.sql) add to a copy
-- of the account database. Bind @today to the new day, a text (in sqlite3:
-- .parameter set @today "'2025-03-29'").
--
-- The libraries catalogued new documents that day (added_on = @today), one per 500
-- patrons (two at least), each with an item: new editions of documents taken at evenly
-- spaced places of the catalogue. The odd ones keep their document's kind and genre, which
-- the generated catalogue searches follow ("Manga : nouveautés"); the even ones are
-- video games, without summary or subjects, which no search of the generated data or of
-- the demo follows. Everything is chosen from the rows' places: the same database gives
-- the same documents.

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

DROP TABLE night_document;
