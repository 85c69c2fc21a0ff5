-- Demo data of the seed document. Loaded by `nextup-server seed` into an empty database, after
-- the demo users (admin, operator1, operator2, kiosk) were created with argon2id hashes.

INSERT INTO branches (name, timezone) VALUES ('Main Branch', 'UTC');

INSERT INTO services (branch_id, code, name, avg_service_seconds, target_wait_seconds)
SELECT b.id, s.code, s.name, s.avg, s.target
FROM branches b,
     (VALUES ('D', 'Deposit', 240, 600),
             ('W', 'Withdrawal', 180, 600),
             ('P', 'Passbook', 120, 900)) AS s(code, name, avg, target)
WHERE b.name = 'Main Branch';

INSERT INTO counters (branch_id, name)
SELECT b.id, c.name FROM branches b, (VALUES ('Counter A'), ('Counter B'), ('Counter C')) AS c(name)
WHERE b.name = 'Main Branch';

INSERT INTO counter_services (counter_id, service_id)
SELECT c.id, s.id
FROM counters c JOIN services s ON s.branch_id = c.branch_id
WHERE (c.name = 'Counter A' AND s.code IN ('D', 'W'))
   OR (c.name = 'Counter B' AND s.code = 'P')
   OR (c.name = 'Counter C');

-- Yesterday's history: six tokens served, skipped or cancelled, with their full event trail.
WITH sample (code, number, status, arrive_min, wait_min, serve_min, counter, operator) AS (
    VALUES ('D', 1, 'completed', 540, 4, 5, 'Counter A', 'operator1'),
           ('D', 2, 'completed', 545, 6, 4, 'Counter C', 'operator2'),
           ('W', 1, 'completed', 550, 3, 3, 'Counter A', 'operator1'),
           ('P', 1, 'completed', 560, 2, 2, 'Counter B', 'operator2'),
           ('W', 2, 'skipped',   570, 5, 0, 'Counter C', 'operator2'),
           ('P', 2, 'cancelled', 580, 0, 0, NULL, NULL)
), inserted AS (
    INSERT INTO tokens (service_id, business_date, number, token_number, status, arrival_at,
                        created_at, called_at, serving_at, finished_at, counter_id, operator_id,
                        eta_seconds, secret_hash)
    SELECT s.id, current_date - 1, x.number, x.code || lpad(x.number::text, 3, '0'), x.status,
           t.arrive, t.arrive,
           CASE WHEN x.counter IS NOT NULL THEN t.arrive + make_interval(mins => x.wait_min) END,
           CASE WHEN x.status = 'completed' THEN t.arrive + make_interval(mins => x.wait_min) END,
           t.arrive + make_interval(mins => x.wait_min + x.serve_min),
           c.id, u.id, x.wait_min * 60, md5(random()::text)
    FROM sample x
    JOIN services s ON s.code = x.code
    LEFT JOIN counters c ON c.name = x.counter
    LEFT JOIN users u ON u.username = x.operator
    CROSS JOIN LATERAL (SELECT (current_date - 1)::timestamptz + make_interval(mins => x.arrive_min) AS arrive) t
    RETURNING id, service_id, status, created_at, called_at, serving_at, finished_at, counter_id, operator_id
)
INSERT INTO token_events (token_id, event, from_status, to_status, service_id, counter_id, actor_id, at)
SELECT id, 'generated', NULL, 'waiting', service_id, NULL, NULL, created_at FROM inserted
UNION ALL
SELECT id, 'called', 'waiting', 'called', service_id, counter_id, operator_id, called_at
FROM inserted WHERE called_at IS NOT NULL
UNION ALL
SELECT id, 'served', 'called', 'serving', service_id, counter_id, operator_id, serving_at
FROM inserted WHERE serving_at IS NOT NULL
UNION ALL
SELECT id, 'completed', 'serving', 'completed', service_id, counter_id, operator_id, finished_at
FROM inserted WHERE status = 'completed'
UNION ALL
SELECT id, 'skipped', 'called', 'skipped', service_id, counter_id, operator_id, finished_at
FROM inserted WHERE status = 'skipped'
UNION ALL
SELECT id, 'cancelled', 'waiting', 'cancelled', service_id, NULL, NULL, finished_at
FROM inserted WHERE status = 'cancelled';

-- The demo's operators and kiosk work at the Main Branch (docs/api.md "Branches and roles").
UPDATE users SET branch_id = (SELECT min(id) FROM branches)
 WHERE role IN ('operator', 'kiosk') AND branch_id IS NULL;

-- Names in Spanish and Arabic (docs/api.md "Names in every language"), a code for deep links and
-- an address for receipts.
UPDATE branches SET code = 'main', address = '1 Market Street',
       names = '{"es": "Sucursal principal", "ar": "الفرع الرئيسي"}'
 WHERE name = 'Main Branch';
UPDATE services SET names = n.names::jsonb, description = n.description,
       descriptions = n.descriptions::jsonb
  FROM (VALUES
        ('D', '{"es": "Depósito", "ar": "إيداع"}', 'Pay money into an account',
         '{"es": "Ingresar dinero en una cuenta", "ar": "إيداع المال في حساب"}'),
        ('W', '{"es": "Retiro", "ar": "سحب"}', 'Take money out of an account',
         '{"es": "Retirar dinero de una cuenta", "ar": "سحب المال من حساب"}'),
        ('P', '{"es": "Libreta", "ar": "دفتر التوفير"}', 'Update or replace a passbook',
         '{"es": "Actualizar o reponer una libreta", "ar": "تحديث دفتر التوفير أو استبداله"}'))
       AS n(code, names, description, descriptions)
 WHERE services.code = n.code;
UPDATE counters SET names = jsonb_build_object('es', 'Ventanilla ' || right(name, 1),
                                               'ar', 'الشباك ' || right(name, 1))
 WHERE name LIKE 'Counter _';
