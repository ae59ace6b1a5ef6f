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
-- Everything is chosen from the card numbers: the same database gives the same night.
-- The night's new documents are scripts/next-night-catalogue.sql's.

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

DROP TABLE night_patron;
