-- Demo followers of the e-mail alerts (`mediatheque alerts`): searches of every frequency,
-- hostile text, and patrons who get nothing (no address, a search switched off or not
-- followed, nothing new); new acquisitions for them. Dated relative to the reference date
-- like accounts.sql, and inserted after the generated filler, so that the generated rows
-- keep their ids (and their folders, their bytes).

INSERT INTO patron (card_number, pseudo, first_name, last_name, birth_date, sex, email, phone, mobile, address,
                    address_extra, postal_code, city, home_library, membership_expires, recommendations, feed_key_version) VALUES
  ('24200001234576', 'EloiseM', 'Éloïse', 'Müller-Lefèvre', '1979-02-17', 'F', 'eloise.muller@example.org', NULL, NULL,
   '9 rue de la Ville', NULL, '42000', 'Saint-Étienne', 'TAR', '{{today+9m}}', 0, 0),
  ('24200001234577', 'JeanD', 'Jean <b>"l''Intrus"</b>', 'Dupont' || char(13) || char(10) || 'Bcc: intrus@example.com',
   '1980-08-08', 'M', 'jean.dupont@example.org', NULL, NULL, NULL, NULL, NULL, NULL, 'TAR', '{{today+3m}}', 0, 0),
  ('24200001234578', 'PaulS', 'Paul', 'Sansadresse', '1966-10-01', 'M', NULL, '04 77 00 00 08', NULL,
   NULL, NULL, NULL, NULL, 'CAR', '{{today+7m}}', 0, 0),
  ('24200001234579', 'RoseE', 'Rose', 'Éteinte', '1999-04-04', 'F', 'rose@example.org', NULL, NULL,
   NULL, NULL, NULL, NULL, 'CAR', '{{today+7m}}', 0, 0),
  ('24200001234580', 'LeonR', 'Léon', 'Rien', '1958-12-12', 'M', 'leon@example.org', NULL, NULL,
   NULL, NULL, NULL, NULL, 'SOL', '{{today+7m}}', 0, 0);

-- Seven cookbooks yesterday, a game guide four days ago.
INSERT INTO document (id, title, authors, kind, year, summary, series, genre, audience, subjects, isbn, added_on) VALUES
  (25, 'Saveurs du Japon : 80 recettes', 'Tanaka, Aiko. Auteur', 'Livre', 2025, NULL, NULL, 'Cuisine', 'Adulte', 'Cuisine japonaise', NULL, '{{today-1}}'),
  (26, 'Cuisine maison <script>alert(''x'')</script> & « petits plats »' || char(13) || char(10) || 'Bcc: intrus@example.com',
   'Lebon, Marie. Auteur', 'Livre', 2025, NULL, NULL, 'Cuisine', 'Adulte', 'Cuisine familiale', NULL, '{{today-1}}'),
  (27, 'Tajines et couscous', 'Benali, Samia. Auteur', 'Livre', 2024, NULL, NULL, 'Cuisine', 'Adulte', 'Cuisine marocaine', NULL, '{{today-1}}'),
  (28, 'La cuisine de nos grands-mères', 'Roux, Odette. Auteur', 'Livre', 2023, NULL, NULL, 'Cuisine', 'Adulte', 'Cuisine française', NULL, '{{today-1}}'),
  (29, 'Pâtisserie : les bases', 'Conticini, Philippe. Auteur', 'Livre', 2024, NULL, NULL, 'Cuisine', 'Adulte', 'Pâtisserie', NULL, '{{today-1}}'),
  (30, 'Légumes d''hiver', 'Mercier, Anne. Auteur', 'Livre', 2025, NULL, NULL, 'Cuisine', 'Adulte', 'Légumes', NULL, '{{today-1}}'),
  (31, 'Soupes du monde', 'Okafor, Ngozi. Auteur', 'Livre', 2025, NULL, NULL, 'Cuisine', 'Adulte', 'Soupes', NULL, '{{today-1}}'),
  (32, 'Les Aventuriers du rail : le guide', 'Moon, Alan R. Auteur', 'Livre', 2024, NULL, NULL, 'Jeu de société', 'Tout public', 'Jeux', NULL, '{{today-4}}');

INSERT INTO item (barcode, document_id, library, call_number) VALUES
  ('34200023000025', 25, 'TAR', '641 TAN'), ('34200023000026', 26, 'TAR', '641 LEB'), ('34200023000027', 27, 'CAR', '641 BEN'),
  ('34200023000028', 28, 'TAR', '641 ROU'), ('34200023000029', 29, 'TRE', '641 CON'), ('34200023000030', 30, 'TAR', '641 MER'),
  ('34200023000031', 31, 'SOL', '641 OKA'), ('34200023000032', 32, 'TAR', '794 MOO');

INSERT INTO saved_search (id, patron_card, name, scope, query, created_on, followed, frequency, active) VALUES
  (1001, '24200001234576', 'Recettes de cuisine', 'catalogue', '', '2025-09-01', 1, 'daily', 1),
  (1002, '24200001234576', 'Jeux de société en famille', 'catalogue', '', '2025-09-02', 1, 'weekly', 1),
  (1003, '24200001234576', 'Manufrance', 'agenda', 'manufrance', '2025-09-03', 1, 'monthly', 1),
  (1004, '24200001234576', 'Festivals', 'agenda', '', '2025-09-04', 1, 'weekly', 1),
  (1005, '24200001234577', '<script>alert(''x'')</script> & « Cuisine maison »' || char(13) || char(10) || 'Bcc: intrus@example.com',
   'catalogue', 'maison', '2025-10-01', 1, 'daily', 1),
  (1006, '24200001234578', 'Cuisine', 'catalogue', '', '2025-10-02', 1, 'daily', 1),
  (1007, '24200001234579', 'Cuisine (désactivée)', 'catalogue', '', '2025-10-03', 1, 'daily', 0),
  (1008, '24200001234579', 'Cuisine (non suivie)', 'catalogue', '', '2025-10-04', 0, 'daily', 1),
  (1009, '24200001234580', 'Cuisine introuvable', 'catalogue', 'introuvable', '2025-10-05', 1, 'daily', 1);

INSERT INTO saved_search_facet (search_id, facet, value) VALUES
  (1001, 'genre', 'Cuisine'), (1002, 'genre', 'Jeu de société'), (1003, 'category', 'Conférence'), (1004, 'category', 'Festival'),
  (1005, 'genre', 'Cuisine'), (1006, 'genre', 'Cuisine'), (1007, 'genre', 'Cuisine'), (1008, 'genre', 'Cuisine'), (1009, 'genre', 'Cuisine');

