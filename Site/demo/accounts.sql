-- Demo accounts: the examples of the library's guide ("Mon espace personnel"),
-- dated relative to the build's reference date (see DemoData.swift for the
-- {{today...}} tokens). Generated patrons and documents are added after these.

INSERT INTO library (code, name, address, phone) VALUES
  ('TAR', 'Tarentaize', '20-24 rue Jo Gouttebarge, 42000 Saint-Étienne', '04 77 43 09 77'),
  ('CAR', 'Carnot', '6 rue Pierre et Dominique Ponchardier, 42100 Saint-Étienne', '04 77 43 35 20'),
  ('TRE', 'Tréfilerie', '21 rue du 11 Novembre, 42100 Saint-Étienne', '04 77 43 35 30'),
  ('TER', 'Terrenoire', '1 place de la Libération, 42100 Saint-Étienne', '04 77 43 35 40'),
  ('SOL', 'Solaure', '11 rue Pierre Loti, 42100 Saint-Étienne', '04 77 43 35 50'),
  ('COT', 'Côte-Chaude', '2 rue de la Côte-Chaude, 42100 Saint-Étienne', '04 77 43 35 60'),
  ('MON', 'Montreynaud', '4 rue Jean Moulin, 42000 Saint-Étienne', '04 77 43 35 70'),
  ('LCO', 'La Cotonne', '10 rue Jean-Baptiste Clément, 42100 Saint-Étienne', '04 77 43 35 80');

INSERT INTO patron (card_number, pseudo, first_name, last_name, birth_date, sex, email, phone, mobile, address,
                    address_extra, postal_code, city, home_library, membership_expires, recommendations, feed_key_version) VALUES
  ('24200001234567', 'AuroreB', 'Aurore', 'Boréale', '1986-04-12', 'F', 'aurore.boreale@example.org', '04 77 00 00 01',
   '06 00 00 00 01', '12 rue des Aurores', 'Bâtiment B', '42000', 'Saint-Étienne', 'TAR', '{{today+8m}}', 1, 0),
  ('24200001234568', 'HannibalL', 'Hannibal', 'Lecteur', '1984-11-02', 'M', 'hannibal.lecteur@example.org', NULL,
   '06 00 00 00 02', '12 rue des Aurores', 'Bâtiment B', '42000', 'Saint-Étienne', 'TAR', '{{today+8m}}', 0, 0),
  ('24200001234569', 'CélesteB', 'Céleste', 'Boréale', '2014-06-21', 'F', NULL, NULL, NULL,
   '12 rue des Aurores', 'Bâtiment B', '42000', 'Saint-Étienne', 'CAR', '{{today+8m}}', 0, 0),
  ('24200001234570', 'MarcelP', 'Marcel', 'Proust', '1971-07-10', 'M', 'marcel@example.org', NULL, NULL,
   '3 place du Peuple', NULL, '42000', 'Saint-Étienne', 'TRE', '{{today+2m}}', 0, 0),
  ('24200001234571', 'AgnieszkaW', 'Agnieszka', 'Wiśniewska', '1990-01-30', 'F', 'agnieszka@example.org', NULL, NULL,
   '8 rue Michelet', NULL, '42000', 'Saint-Étienne', 'TAR', '{{today+5m}}', 0, 0),
  ('24200001234572', 'ZeynepY', 'Zeynep', 'Yılmaz', '1995-09-14', 'F', NULL, NULL, '06 00 00 00 06',
   '5 rue Gambetta', NULL, '42000', 'Saint-Étienne', 'CAR', '{{today+1m}}', 0, 0),
  ('24200001234573', 'LaylaH', 'ليلى', 'حداد', '1988-03-03', 'F', NULL, NULL, NULL,
   '14 cours Fauriel', NULL, '42100', 'Saint-Étienne', 'SOL', '{{today+11m}}', 0, 0),
  ('24200001234574', 'YukiT', '雪', '田中', '1992-12-24', 'F', NULL, NULL, NULL,
   '7 rue de la Résistance', NULL, '42000', 'Saint-Étienne', 'TAR', '{{today+4m}}', 0, 0),
  ('24200001234575', 'NoemieR', 'Noémie', 'Rien', '2001-05-05', 'F', NULL, NULL, NULL,
   NULL, NULL, NULL, NULL, 'MON', '{{today+6m}}', 0, 0);

-- "Comptes partagés": Aurore sees Hannibal's and Céleste's accounts; Hannibal sees Aurore's.
INSERT INTO account_share (holder_card, member_card) VALUES
  ('24200001234567', '24200001234568'),
  ('24200001234567', '24200001234569'),
  ('24200001234568', '24200001234567');

INSERT INTO document (id, title, authors, kind, year, summary, series, genre, audience, subjects, isbn, added_on) VALUES
  (1, 'Pilates : La méthode pour un corps tonique', 'Lamy, Claire. Auteur', 'Livre', 2021, 'Exercices illustrés pour débuter le Pilates chez soi.', NULL, 'Documentaire', 'Adulte', 'Pilates ; Gymnastique ; Santé', '9782035989123', '{{today-9m}}'),
  (2, 'Le training au féminin', 'Delavier, Frédéric. Auteur', 'Livre', 2019, 'Programmes de musculation pour les femmes.', NULL, 'Documentaire', 'Adulte', 'Musculation ; Sport', NULL, '{{today-14m}}'),
  (3, '10 clés pour un cerveau en pleine forme', 'Fortin, Anne. Auteur', 'Livre', 2022, NULL, NULL, 'Documentaire', 'Adulte', 'Mémoire ; Santé', NULL, '{{today-6m}}'),
  (4, 'HPI : Haut Potentiel Intellectuel. Saison 2', 'Carrié, Stéphane. Auteur', 'Vidéo', 2022, 'Morgane Alvaro reprend du service ! Avec son génie incontrôlable et son look improbable, elle n''a pas fini de bousculer les procédures du commandant Karadec.', 'HPI .2', 'Série télévisée', 'Adulte', 'Enquêtes policières', NULL, '{{today-5m}}'),
  (5, 'Pikmin 3 : Deluxe', 'Nintendo', 'Application', 2020, 'Jeu de stratégie pour Nintendo Switch.', NULL, 'Jeu vidéo', 'Jeunesse', 'Jeux vidéo', NULL, '{{today-20m}}'),
  (6, 'Trois contes / Gustave Flaubert', 'Flaubert, Gustave. Auteur', 'Livre', 1877, 'Un cœur simple, La légende de saint Julien l''Hospitalier, Hérodias.', NULL, 'Roman', 'Adulte', 'Littérature française', NULL, '{{today-30m}}'),
  (7, 'Parfaite / Caroline Dorka-Fenech', 'Dorka-Fenech, Caroline. Auteur', 'Livre', 2024, NULL, NULL, 'Roman', 'Adulte', 'Famille', NULL, '{{today-2m}}'),
  (8, 'La grande parenthèse', 'Morel, Juliette. Auteur', 'Livre', 2024, NULL, NULL, 'Roman', 'Adulte', 'Amitié', NULL, '{{today-2m}}'),
  (9, 'El Diablo / Alexis Ragougneau', 'Ragougneau, Alexis. Auteur', 'Livre', 2024, NULL, NULL, 'Roman policier', 'Adulte', 'Enquêtes policières', NULL, '{{today-40}}'),
  (10, 'Vertèbres / Morgan Audic', 'Audic, Morgan. Auteur', 'Livre', 2025, NULL, NULL, 'Roman policier', 'Adulte', 'Thriller', NULL, '{{today-20}}'),
  (11, 'Visqueuse / Morgan Audic', 'Audic, Morgan. Auteur', 'Livre', 2025, NULL, NULL, 'Roman policier', 'Adulte', 'Thriller', NULL, '{{today-12}}'),
  (12, 'Les secrets de la Fée des neiges', 'Grimaud, Léon. Auteur', 'Livre', 2023, 'Conte d''hiver pour les petits.', NULL, 'Album jeunesse', 'Jeunesse', 'Contes ; Hiver', NULL, '{{today-5}}'),
  (13, 'Les mobilisés / Manon Garcia', 'Garcia, Manon. Auteur', 'Livre', 2023, NULL, NULL, 'Roman', 'Adulte', 'Guerre', NULL, '{{today-10m}}'),
  (14, 'Cocorico / un film de Julien Hervé', 'Hervé, Julien. Réalisateur', 'Vidéo', 2024, NULL, NULL, 'Comédie', 'Adulte', 'Cinéma', NULL, '{{today-7m}}'),
  (15, 'The Florida project', 'Baker, Sean. Réalisateur', 'Vidéo', 2017, NULL, NULL, 'Drame', 'Adulte', 'Cinéma', NULL, '{{today-24m}}'),
  (16, 'Les Barbaresques : pirates de la Méditerranée', 'Bono, Salvatore. Auteur', 'Livre', 2020, NULL, NULL, 'Documentaire', 'Adulte', 'Histoire', NULL, '{{today-18m}}'),
  (17, 'Louca. 10, Rien à perdre', 'Dequier, Bruno. Auteur', 'Livre', 2023, 'Les aventures de Louca, footballeur maladroit.', 'Louca .10', 'Bande dessinée', 'Jeunesse', 'Football', NULL, '{{today-30}}'),
  (18, 'Louca. 11, Le grand saut', 'Dequier, Bruno. Auteur', 'Livre', 2025, NULL, 'Louca .11', 'Bande dessinée', 'Jeunesse', 'Football', NULL, '{{today-3}}'),
  (19, 'One Piece. 107', 'Oda, Eiichirō. Auteur', 'Livre', 2024, NULL, 'One Piece .107', 'Manga', 'Ado', 'Pirates', NULL, '{{today-8}}'),
  (20, 'Frieren. 12', 'Yamada, Kanehito. Auteur', 'Livre', 2025, NULL, 'Frieren .12', 'Manga', 'Ado', 'Fantasy', NULL, '{{today-1}}'),
  (21, 'Le mystère de la chambre jaune', 'Leroux, Gaston. Auteur', 'Livre', 1907, NULL, NULL, 'Roman policier', 'Adulte', 'Enquêtes policières', NULL, '{{today-4}}'),
  (22, 'Retour à Montreynaud', 'Dupuy, Lise. Auteur', 'Livre', 2023, NULL, NULL, 'Roman', 'Adulte', 'Saint-Étienne', NULL, '{{today-4m}}'),
  (23, 'Kafka sur le rivage', 'Murakami, Haruki. Auteur', 'Livre', 2006, NULL, NULL, 'Roman', 'Adulte', 'Littérature japonaise', NULL, '{{today-3m}}'),
  (24, 'Pan Tadeusz', 'Mickiewicz, Adam. Auteur', 'Livre', 1834, NULL, NULL, 'Poésie', 'Adulte', 'Littérature polonaise', NULL, '{{today-3m}}');

INSERT INTO item (barcode, document_id, library, call_number) VALUES
  ('34200021072893', 1, 'TAR', '613.7 LAM'), ('34200020585432', 2, 'TAR', '613.7 DEL'),
  ('34200021010216', 3, 'TAR', '153 FOR'), ('34200022292839', 4, 'TAR', 'F HPI'), ('34200022294603', 4, 'TAR', 'F HPI'),
  ('34200022192740', 5, 'TAR', 'JV PIK'), ('34200018806337', 6, 'CAR', 'R FLA'), ('34200023000007', 7, 'TAR', 'R DOR'),
  ('34200023000008', 8, 'TAR', 'R MOR'), ('34200023000009', 9, 'TAR', 'RP RAG'), ('34200023000010', 10, 'TAR', 'RP AUD'),
  ('34200023000011', 11, 'TAR', 'RP AUD'), ('34200023000012', 12, 'CAR', 'A GRI'), ('34200023000013', 13, 'TAR', 'R GAR'),
  ('34200023000014', 14, 'TAR', 'F COC'), ('34200023000015', 15, 'TAR', 'F FLO'), ('34200023000016', 16, 'TAR', '909 BON'),
  ('34200023000017', 17, 'CAR', 'BD LOU'), ('34200023000018', 18, 'CAR', 'BD LOU'), ('34200023000019', 19, 'TRE', 'M ONE'),
  ('34200023000020', 20, 'TRE', 'M FRI'), ('34200023000021', 21, 'TAR', 'RP LER'), ('34200023000022', 22, 'MON', 'R DUP'),
  ('34200023000023', 23, 'TAR', 'R MUR'), ('34200023000024', 24, 'TAR', 'P MIC');

-- Aurore: "Vous avez emprunté 5 documents / 3 sont en retard / 2 autres sont à rendre aujourd'hui".
INSERT INTO loan (id, barcode, patron_card, library, borrowed_on, due_on, renewals, returned_on) VALUES
  (1, '34200021072893', '24200001234567', 'TAR', '{{today-33}}', '{{today-5}}', 0, NULL),
  (2, '34200020585432', '24200001234567', 'TAR', '{{today-33}}', '{{today-5}}', 1, NULL),
  (3, '34200021010216', '24200001234567', 'TAR', '{{today-33}}', '{{today-5}}', 0, NULL),
  (4, '34200022292839', '24200001234567', 'TAR', '{{today-28}}', '{{today}}', 0, NULL),
  (5, '34200022294603', '24200001234567', 'TAR', '{{today-28}}', '{{today}}', 0, NULL),
-- Hannibal: "1 est à rendre demain". Céleste: "1 est à rendre le ..." (next due date).
  (6, '34200023000021', '24200001234568', 'CAR', '{{today-27}}', '{{today+1}}', 0, NULL),
  (7, '34200022192740', '24200001234569', 'TAR', '{{today-15}}', '{{today+13}}', 0, NULL),
  (8, '34200018806337', '24200001234569', 'CAR', '{{today-7}}', '{{today+21}}', 1, NULL),
-- Others, in every state.
  (9, '34200023000022', '24200001234570', 'MON', '{{today-26}}', '{{today+2}}', 0, NULL),
  (10, '34200023000023', '24200001234573', 'TAR', '{{today-10}}', '{{today+18}}', 0, NULL),
  (11, '34200023000024', '24200001234571', 'TAR', '{{today-40}}', '{{today-12}}', 1, NULL),
  (12, '34200023000019', '24200001234574', 'TRE', '{{today-25}}', '{{today+3}}', 0, NULL),
-- Aurore's loan history (returned): lengths 25j. with 4j. late, 6j., 0j., 0j.
  (20, '34200023000013', '24200001234567', 'TAR', '{{today-37}}', '{{today-16}}', 0, '{{today-12}}'),
  (21, '34200023000014', '24200001234567', 'TAR', '{{today-26}}', '{{today-12}}', 0, '{{today-20}}'),
  (22, '34200023000015', '24200001234567', 'TAR', '{{today-23}}', '{{today-9}}', 0, '{{today-23}}'),
  (23, '34200023000016', '24200001234567', 'TAR', '{{today-24}}', '{{today+4}}', 0, '{{today-24}}'),
-- The edges of the three-month window: the first is shown, the second never appears anywhere.
  (24, '34200023000017', '24200001234567', 'CAR', '{{today-3m-20}}', '{{today-3m+8}}', 0, '{{today-3m}}'),
  (25, '34200023000018', '24200001234567', 'CAR', '{{today-3m-21}}', '{{today-3m+7}}', 0, '{{today-3m-1}}');

-- Aurore's holds: three set aside for her at Tarentaize, three waiting.
INSERT INTO hold (id, document_id, patron_card, pickup_library, placed_on, available_on, available_until, queue_position) VALUES
  (1, 7, '24200001234567', 'TAR', '{{today-40}}', '{{today-2}}', '{{today+13}}', NULL),
  (2, 8, '24200001234567', 'TAR', '{{today-33}}', '{{today-2}}', '{{today+13}}', NULL),
  (3, 9, '24200001234567', 'TAR', '{{today-33}}', '{{today-2}}', '{{today+13}}', NULL),
  (4, 10, '24200001234567', 'TAR', '{{today-20}}', NULL, NULL, 1),
  (5, 11, '24200001234567', 'TAR', '{{today-20}}', NULL, NULL, 1),
  (6, 12, '24200001234567', 'TAR', '{{today-100}}', NULL, NULL, 2),
-- Others wait for HPI: Aurore's two copies are "Attendu par un autre usager".
  (7, 4, '24200001234570', 'TRE', '{{today-10}}', NULL, NULL, 1),
  (8, 12, '24200001234571', 'CAR', '{{today-90}}', NULL, NULL, 1),
  (9, 23, '24200001234574', 'TAR', '{{today-3}}', '{{today-1}}', '{{today+14}}', NULL);

INSERT INTO review (id, patron_card, document_id, pseudonym, rating, title, body, written_at, status) VALUES
  (1, '24200001234567', 4, 'Arc-en-ciel', 5, 'Une série réjouissante', 'Morgane est irrésistible, et Karadec toujours aussi droit.', '{{today-3}}T20:15:00', 'pending'),
  (2, '24200001234567', 13, 'Arc-en-ciel', 4, 'Émouvant', 'Un roman juste sur ceux qui partent.', '{{today-11}}T18:02:00', 'published'),
  (3, '24200001234567', 14, 'Arc-en-ciel', 2, 'Bof', 'Quelques scènes drôles, sans plus.', '{{today-19}}T21:40:00', 'rejected');

INSERT INTO shelf (id, patron_card, name, kind, created_on) VALUES
  (1, '24200001234567', 'Mon panier', 'basket', '2023-01-15'),
  (2, '24200001234567', 'J''ai lu', 'read', '2023-01-15'),
  (3, '24200001234567', 'J''ai écouté', 'listened', '2023-01-15'),
  (4, '24200001234567', 'J''ai regardé', 'watched', '2023-01-15'),
  (5, '24200001234567', 'À emprunter', 'to_borrow', '2023-01-15'),
  (6, '24200001234567', 'Idées cadeaux pour Céleste', 'custom', '2024-11-30'),
  (7, '24200001234567', '../../x', 'custom', '2025-01-02');

INSERT INTO shelf_entry (shelf_id, document_id, added_on) VALUES
  (1, 21, '{{today-4}}'), (2, 13, '{{today-12}}'), (2, 16, '{{today-24}}'), (4, 14, '{{today-20}}'),
  (4, 15, '{{today-23}}'), (5, 23, '{{today-60}}'), (6, 17, '{{today-30}}'), (6, 12, '{{today-5}}'), (7, 24, '{{today-9}}');

-- "Mes centres d'intérêt" of the guide.
INSERT INTO saved_search (id, patron_card, name, scope, query, created_on, followed, frequency, active) VALUES
  (1, '24200001234567', 'Louca BD', 'catalogue', 'louca', '2023-03-03', 1, 'weekly', 1),
  (2, '24200001234567', 'Club de lecture : Marcel et compagnie', 'agenda', '', '2023-05-12', 1, 'daily', 1),
  (3, '24200001234567', 'Création numérique', 'agenda', '', '2023-06-01', 0, 'monthly', 1),
  (4, '24200001234567', 'Mangas : nouveautés', 'catalogue', '', '2024-12-20', 1, 'daily', 1),
  (5, '24200001234567', 'Romans policier', 'catalogue', 'policier', '2025-01-10', 0, 'daily', 0),
  (6, '24200001234567', 'Contes de fée', 'catalogue', 'fee', '2025-02-01', 1, 'weekly', 1);

INSERT INTO saved_search_facet (search_id, facet, value) VALUES
  (1, 'genre', 'Bande dessinée'), (2, 'category', 'Club de lecture'), (3, 'category', 'Création numérique'),
  (4, 'genre', 'Manga'), (4, 'audience', 'Ado'), (4, 'audience', 'Adulte'), (5, 'genre', 'Roman policier');

-- "Mes inscriptions événements" (sessions of Site/demo/agenda.xml).
INSERT INTO event_registration (id, patron_card, registered_by, event_id, session_id, status, registered_at) VALUES
  (1, '24200001234567', '24200001234567', 'club-lecture-marcel', 's1', 'confirmed', '{{today-6}}T10:12:00'),
  (2, '24200001234569', '24200001234567', 'atelier-minecraft', 's1', 'confirmed', '{{today-9}}T14:30:00'),
  (3, '24200001234568', '24200001234567', 'atelier-minecraft', 's1', 'waitlisted', '{{today-9}}T14:31:00'),
  (4, '24200001234567', '24200001234567', 'bebes-lecteurs', 's-tre', 'refused', '{{today-8}}T09:00:00'),
  (5, '24200001234570', '24200001234570', 'atelier-minecraft', 's1', 'confirmed', '{{today-12}}T08:00:00'),
  (6, '24200001234571', '24200001234571', 'atelier-minecraft', 's1', 'confirmed', '{{today-12}}T08:05:00'),
  (7, '24200001234572', '24200001234572', 'atelier-minecraft', 's1', 'confirmed', '{{today-11}}T19:00:00'),
  (8, '24200001234573', '24200001234573', 'atelier-minecraft', 's1', 'cancelled', '{{today-11}}T19:30:00'),
  (9, '24200001234570', '24200001234570', 'club-lecture-marcel', 's1', 'confirmed', '{{today-7}}T11:00:00'),
  (10, '24200001234567', '24200001234567', 'bebes-lecteurs', 's-tre', 'cancelled', '{{today-9}}T09:00:00');
