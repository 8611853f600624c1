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
