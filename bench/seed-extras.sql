-- The benchmark user's treatments and lab results, so that /treatments, /labs, the insights' before and after and
-- the report's "What the patient takes" have something to show: what a heavy user of three years would have typed.
-- Idempotent: run by bench/seed.sh after seed.sql and by bench/run.sh on a database seeded before this file
-- existed; it writes nothing when the user already has treatments. psql variable: bench_email.
\set ON_ERROR_STOP on

INSERT INTO treatment (owner_id, kind, name, dose, started, stopped, notes)
SELECT u.id, t.kind, t.name, t.dose, current_date - t.started_days_ago,
       CASE WHEN t.stopped_days_ago IS NULL THEN NULL ELSE current_date - t.stopped_days_ago END, t.notes
FROM app_user u,
     (VALUES ('supplement', 'Iron bisglycinate', '28 mg every other day', 1000, 820, 'With orange juice, not with coffee.'),
             ('supplement', 'Vitamin D3', '2000 IU daily', 900, NULL, NULL),
             ('supplement', 'Magnesium citrate', '300 mg in the evening', 700, 560, 'Stopped: no change in the cramps.'),
             ('medicine', 'Pramipexole', '0.125 mg at night', 420, 300, 'Prescribed for restless legs; nausea.'),
             ('supplement', 'Vitamin B12', '1000 µg daily', 365, NULL, NULL),
             ('supplement', 'Iron bisglycinate', '28 mg daily', 200, NULL, 'Second course after the low ferritin.'),
             ('medicine', 'Ibuprofen', '400 mg when needed', 120, 90, NULL)
     ) AS t(kind, name, dose, started_days_ago, stopped_days_ago, notes)
WHERE u.email = :'bench_email'
  AND NOT EXISTS (SELECT 1 FROM treatment x WHERE x.owner_id = u.id);

-- Lab results about every five months over three years, each with the range the lab printed.
INSERT INTO lab_result (owner_id, test, name, value, unit, range_low, range_high, result_date, notes)
SELECT u.id, l.test, l.name, round((l.base + l.step * k)::numeric, 2), l.unit, l.low, l.high,
       current_date - (1080 - 150 * k), CASE WHEN k = 0 THEN 'First check, fasting.' END
FROM app_user u,
     (VALUES ('ferritin', NULL, 11.0, 6.0, 'µg/L', 15.0, 150.0),
             ('haemoglobin', NULL, 11.4, 0.2, 'g/dL', 12.0, 15.5),
             ('vitamin-d', NULL, 32.0, 9.0, 'nmol/L', 50.0, 125.0),
             ('vitamin-b12', NULL, 190.0, 25.0, 'pmol/L', 145.0, 569.0),
             ('magnesium', NULL, 0.74, 0.01, 'mmol/L', 0.70, 1.00),
             ('tsh', NULL, 2.1, 0.05, 'mU/L', 0.4, 4.0),
             ('other', 'CRP', 3.0, -0.2, 'mg/L', NULL, 5.0)
     ) AS l(test, name, base, step, unit, low, high),
     generate_series(0, 7) AS k
WHERE u.email = :'bench_email'
  AND NOT EXISTS (SELECT 1 FROM lab_result x WHERE x.owner_id = u.id);

SELECT (SELECT count(*) FROM treatment t JOIN app_user u ON u.id = t.owner_id WHERE u.email = :'bench_email')
       AS treatments,
       (SELECT count(*) FROM lab_result r JOIN app_user u ON u.id = r.owner_id WHERE u.email = :'bench_email')
       AS lab_results;

-- The PDF's worst case (issue 21): a user with an entry on every day of three years, each with the longest
-- note the form takes (2,000 characters). Shares the benchmark user's password; its marks come from the
-- re-marking job like everybody's (run.sh measures its PDF, which the appendix bound keeps short).
INSERT INTO app_user (email, password_hash)
SELECT 'bench-worst-case@example.org', password_hash FROM app_user WHERE email = :'bench_email'
ON CONFLICT DO NOTHING;
INSERT INTO journal_entry (owner_id, entry_date, entry_time, severity, symptoms, factors, notes, created_at, updated_at)
SELECT u.id, day::date, time '21:00', (n % 11)::smallint, ARRAY['heaviness', 'cramps'], ARRAY['low-fluids'],
       left(repeat('Legs heavy after the stairs, cramps at night in both calves; walked slowly home and rested. '
                   || 'Tingling in the feet while reading. Day ' || n || '. ', 30), 2000),
       day + time '21:00', day + time '21:00'
FROM app_user u, generate_series(current_date - 1095, current_date, interval '1 day') WITH ORDINALITY AS g(day, n)
WHERE u.email = 'bench-worst-case@example.org'
  AND NOT EXISTS (SELECT 1 FROM journal_entry x WHERE x.owner_id = u.id);
