-- Bench data: :users generated users with three years of journal entries each, plus the same kind of history
-- for the benchmark user (registered beforehand through the app, email :'bench_email'), all generated
-- server-side with generate_series so that a million rows take seconds, not minutes.
-- Run by bench/seed.sh on a freshly migrated database; psql variables: users, bench_email.
\set ON_ERROR_STOP on
SET synchronous_commit = off;

-- The generated users share the benchmark user's bcrypt hash (and so its password): nothing logs in as them.
INSERT INTO app_user (email, password_hash)
SELECT format('bench-user-%s@example.org', lpad(n::text, 5, '0')),
       (SELECT password_hash FROM app_user WHERE email = :'bench_email')
FROM generate_series(1, :users) AS n;

-- One entry generator for everybody. A user's profile (owner id mod 5) decides which symptoms they tend to
-- have: iron, vitamin D, B12, magnesium, or unspecific; each entry keeps a random half of them, and now and
-- then a red flag. About one day in four has no entry, one in five has two or three. Symptoms and factors are
-- drawn as bit masks and turned into code arrays through lookup tables: an array built per row would cost
-- minutes over a million rows.
CREATE TEMP TABLE symptom_set AS
SELECT mask, ARRAY(SELECT c FROM unnest(ARRAY['heaviness','weakness','fatigue','cramps','restless-legs',
           'numbness','tingling','balance','muscle-pain','bone-pain','twitching','pale-skin','chest-pain',
           'swelling']) WITH ORDINALITY AS s(c, i) WHERE mask & (1 << (s.i - 1)::int) <> 0) AS codes
FROM generate_series(0, 16383) AS mask;
CREATE TEMP TABLE factor_set AS
SELECT mask, ARRAY(SELECT c FROM unnest(ARRAY['vegan-diet','low-sunlight','low-fluids','heavy-exercise',
           'heavy-periods','diabetes']) WITH ORDINALITY AS f(c, i) WHERE mask & (1 << (f.i - 1)::int) <> 0) AS codes
FROM generate_series(0, 63) AS mask;
CREATE TEMP TABLE note_text (n, text) AS VALUES
    (0, 'Legs like lead after the stairs at work.'),
    (1, 'Woke up twice with cramps in the left calf.'),
    (2, 'Long day on my feet; evening was the worst.'),
    (3, 'Pins and needles in both feet while reading.'),
    (4, 'Could not sit still in the cinema, had to walk out.'),
    (5, 'Better after a rest day, still tired by noon.'),
    (6, 'Skipped lunch and drank almost nothing.'),
    (7, 'Ran 10 km, heavy legs all evening.'),
    (8, 'Aching shins, hard to say if it is the bones or the muscles.'),
    (9, 'Felt unsteady on the bus.'),
    (10, 'Slept badly, legs restless until 2 am.'),
    (11, 'A calm day, only a little heaviness in the evening.');
ANALYZE symptom_set;
ANALYZE factor_set;
ANALYZE note_text;
CREATE TEMP TABLE seed_owner (id BIGINT PRIMARY KEY);

-- Symptom masks per profile (bits in the contract's order): iron, vitamin D, B12, magnesium, unspecific.
CREATE TEMP VIEW generated_entry AS
WITH days AS (
    SELECT o.id AS owner, day::date AS day,
           (ARRAY[0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,2,2,2,3])[1 + floor(random() * 20)::int] AS per_day
    FROM seed_owner o, generate_series(current_date - 1095, current_date, interval '1 day') AS day
), raw AS (
    SELECT d.owner, d.day,
           CASE WHEN random() < 0.1 THEN 0
                ELSE ((ARRAY[2079, 775, 231, 1053, 13])[1 + (d.owner % 5)::int] & floor(random() * 16384)::int)
                     | CASE WHEN random() < 0.004 THEN 4096 ELSE 0 END
                     | CASE WHEN random() < 0.01 THEN 8192 ELSE 0 END
           END AS symptom_mask,
           (CASE WHEN d.owner % 3 = 0 THEN 1 ELSE 0 END          -- vegan-diet
            | CASE WHEN d.owner % 4 = 1 THEN 16 ELSE 0 END       -- heavy-periods
            | CASE WHEN d.owner % 20 = 7 THEN 32 ELSE 0 END)     -- diabetes
           & floor(random() * 64)::int
           | CASE WHEN random() < 0.15 THEN 2 ELSE 0 END         -- low-sunlight
           | CASE WHEN random() < 0.12 THEN 4 ELSE 0 END         -- low-fluids
           | CASE WHEN random() < 0.10 THEN 8 ELSE 0 END         -- heavy-exercise
           AS factor_mask,
           random() AS r_time, floor(random() * 20)::int AS note_pick, random() AS r_severity
    FROM days d CROSS JOIN LATERAL generate_series(1, d.per_day) AS k
)
SELECT r.owner AS owner_id, r.day AS entry_date,
       CASE WHEN r.r_time < 0.6 THEN time '06:00' + make_interval(mins => floor(r.r_time / 0.6 * 17 * 60)::int) END
           AS entry_time,
       least(10, 2 * bit_count(r.symptom_mask::bit(14)) + floor(r.r_severity * 3))::smallint AS severity,
       s.codes AS symptoms, f.codes AS factors, n.text AS notes
FROM raw r
JOIN symptom_set s ON s.mask = r.symptom_mask
JOIN factor_set f ON f.mask = r.factor_mask
LEFT JOIN note_text n ON n.n = r.note_pick;

-- The benchmark user first, from a fixed seed: its history is the same in every bench database, whatever the
-- number of other users, which is what the flat-cost comparison needs.
INSERT INTO seed_owner SELECT id FROM app_user WHERE email = :'bench_email';
SELECT setseed(0.42) \g /dev/null
CREATE TEMP TABLE seed_entry AS SELECT * FROM generated_entry;

TRUNCATE seed_owner;
INSERT INTO seed_owner SELECT id FROM app_user WHERE email LIKE 'bench-user-%@example.org';
ANALYZE seed_owner;
SELECT setseed(0.17) \g /dev/null
INSERT INTO seed_entry SELECT * FROM generated_entry;

-- Stored in the order real use writes them, day after day across all users: a user's entries are spread over
-- the whole table, not packed together, so reading one history costs what it would in production.
INSERT INTO journal_entry (owner_id, entry_date, entry_time, severity, symptoms, factors, notes,
                           created_at, updated_at)
SELECT owner_id, entry_date, entry_time, severity, symptoms, factors, notes,
       entry_date + coalesce(entry_time, time '21:00'), entry_date + coalesce(entry_time, time '21:00')
FROM seed_entry
ORDER BY entry_date, coalesce(entry_time, time '21:00'), owner_id;

-- As autovacuum would leave a table that has been in use for a while: statistics and the visibility map set.
VACUUM ANALYZE app_user;
VACUUM ANALYZE journal_entry;
SELECT (SELECT count(*) FROM app_user) AS users, count(*) AS entries,
       count(*) FILTER (WHERE owner_id = (SELECT id FROM app_user WHERE email = :'bench_email')) AS bench_user_entries
FROM journal_entry;
