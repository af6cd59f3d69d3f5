import type { Database } from "../../../../src/database/database";
import type { World } from "../../../support/world";

/** One line of the fixture; allocations by organisation key, written to add up to the amount. */
export interface FixtureLine {
  agreement: string;
  household: string | null;
  kind: "BASE" | "EXTENSION" | "DIRECT_ARRIVAL_HEAD" | "DIRECT_ARRIVAL_MEMBER" | "ADJUSTMENT";
  quantity: number;
  /** Rate in cents, or the signed amount of an ADJUSTMENT. */
  cents: number;
  dueOn: string;
  settledOn?: string;
  explanation?: string;
  allocations: Array<[organisation: string, cents: number]>;
}

async function insert(db: Database, table: string, row: Record<string, unknown>): Promise<string> {
  const columns = Object.keys(row);
  const [{ id }] = await db.manager.query(
    `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(", ")}) RETURNING id`,
    Object.values(row),
  );
  return id;
}

/** Writes lines and allocations as the funding_line checks require (rate, schedule, reason, settler). */
export async function insertLines(db: Database, world: World, lines: readonly FixtureLine[]): Promise<string[]> {
  const [{ id: schedule }] = await db.manager.query(`SELECT id FROM funding_rate_schedule ORDER BY effective_from LIMIT 1`);
  const keys: string[] = [];
  for (const line of lines) {
    const adjustment = line.kind === "ADJUSTMENT";
    const amount = adjustment ? line.cents : line.quantity * line.cents;
    if (line.allocations.reduce((sum, [, cents]) => sum + cents, 0) !== amount) throw new Error(`fixture allocations miss ${amount}`);
    const key = await insert(db, "funding_line", {
      agreement_id: line.agreement,
      household_id: line.household,
      kind: line.kind,
      quantity: line.quantity,
      rate_cents: adjustment ? null : line.cents,
      rate_schedule_id: adjustment ? null : schedule,
      amount_cents: amount,
      due_on: line.dueOn,
      explanation: line.explanation ?? `${line.quantity} x ${line.kind}`,
      reason: adjustment ? (line.explanation ?? "Correction") : null,
      settled_on: line.settledOn ?? null,
      settled_by_user_id: line.settledOn ? world.users.fedasilAdmin : null,
    });
    for (const [position, [organisation, cents]] of line.allocations.entries()) {
      await insert(db, "funding_allocation", { funding_line_id: key, organisation_id: organisation, position, weight: 1, amount_cents: cents });
    }
    keys.push(key);
  }
  return keys;
}

/** Another agreement (and a household under it) for a consortium of the world. */
export async function addAgreement(db: Database, world: World, consortium: string, reference: string): Promise<string> {
  return insert(db, "agreement", {
    consortium_id: consortium,
    reference,
    status: "ACTIVE",
    signed_on: "2026-01-10",
    starts_on: "2026-02-01",
    ends_on: "2028-01-31",
    capacity: 20,
    fedasil_contact_id: world.users.fedasilStaff,
  });
}

export function addHousehold(db: Database, agreement: string, reference: string): Promise<string> {
  return insert(db, "household", { agreement_id: agreement, reference, arrival_route: "DIRECT", expected_arrival_on: "2026-03-01" });
}

export interface StatementFixture {
  gentB: string;
  households: { gent2: string; gentB1: string };
}

/**
 * The statement fixture, period 2026 (rates: BASE 3,000, EXTENSION 600, DIRECT head 2,000,
 * DIRECT member 500; Gent splits 2:1:1 city/PCSW/NGO, Liège 1:1):
 *
 * | agreement      | household  | kind        | amount     | due        | settled    | city / PCSW / NGO          |
 * | RES-2025-GENT  | HH-GENT-1  | BASE x2     |   6,000.00 | 2026-03-01 | 2026-03-20 | 3,000 / 1,500 / 1,500      |
 * | RES-2025-GENT  | HH-GENT-1  | HEAD        |   2,000.00 | 2026-03-01 |            | 1,000 / 500 / 500          |
 * | RES-2025-GENT  | HH-GENT-1  | MEMBER x1   |     500.00 | 2026-03-01 |            | 250 / 125 / 125            |
 * | RES-2025-GENT  | HH-GENT-2  | BASE x1     |   3,000.00 | 2026-01-01 | 2026-02-01 | 1,000 / 1,000 / 1,000      |
 * | RES-2025-GENT  | HH-GENT-1  | ADJUSTMENT  |    -100.01 | 2026-12-31 |            | -50.01 / -25.00 / -25.00   |
 * | RES-2025-GENT  | HH-GENT-2  | EXTENSION   |     600.00 | 2027-01-01 |   (outside the period)                  |
 * | RES-2025-GENT  | HH-GENT-2  | HEAD        |   2,000.00 | 2025-12-31 |   (outside the period)                  |
 * | RES-2026-GENT-B| HH-GENT-B1 | BASE x1     |   3,000.00 | 2026-06-15 |            | 1,500 / 0 / 1,500          |
 * | RES-2025-LIEGE | HH-LIEGE-1 | BASE x2     |   6,000.00 | 2026-04-01 | 2026-04-10 | PCSW 3,000 / NGO 3,000     |
 * | RES-2025-LIEGE | (none)     | ADJUSTMENT  |     250.00 | 2026-05-05 |            | PCSW 125 / NGO 125         |
 */
export async function seedStatementFixture(db: Database, world: World): Promise<StatementFixture> {
  const { gentCity: city, gentPcsw: pcsw, gentNgo: ngo, liegePcsw, liegeNgo } = world.organisations;
  const gentB = await addAgreement(db, world, world.consortia.gent, "RES-2026-GENT-B");
  const gent2 = await addHousehold(db, world.agreements.gent, "HH-GENT-2");
  const gentB1 = await addHousehold(db, gentB, "HH-GENT-B1");
  const gent = world.agreements.gent;
  const gent1 = world.households.gent;
  await insertLines(db, world, [
    { agreement: gent, household: gent1, kind: "BASE", quantity: 2, cents: 300000, dueOn: "2026-03-01", settledOn: "2026-03-20", allocations: [[city, 300000], [pcsw, 150000], [ngo, 150000]] },
    { agreement: gent, household: gent1, kind: "DIRECT_ARRIVAL_HEAD", quantity: 1, cents: 200000, dueOn: "2026-03-01", allocations: [[city, 100000], [pcsw, 50000], [ngo, 50000]] },
    { agreement: gent, household: gent1, kind: "DIRECT_ARRIVAL_MEMBER", quantity: 1, cents: 50000, dueOn: "2026-03-01", allocations: [[city, 25000], [pcsw, 12500], [ngo, 12500]] },
    { agreement: gent, household: gent2, kind: "BASE", quantity: 1, cents: 300000, dueOn: "2026-01-01", settledOn: "2026-02-01", allocations: [[city, 100000], [pcsw, 100000], [ngo, 100000]] },
    { agreement: gent, household: gent1, kind: "ADJUSTMENT", quantity: 1, cents: -10001, dueOn: "2026-12-31", explanation: 'Correction, "second" child born after arrival', allocations: [[city, -5001], [pcsw, -2500], [ngo, -2500]] },
    { agreement: gent, household: gent2, kind: "EXTENSION", quantity: 1, cents: 60000, dueOn: "2027-01-01", allocations: [[city, 30000], [pcsw, 15000], [ngo, 15000]] },
    { agreement: gent, household: gent2, kind: "DIRECT_ARRIVAL_HEAD", quantity: 1, cents: 200000, dueOn: "2025-12-31", allocations: [[city, 200000]] },
    { agreement: gentB, household: gentB1, kind: "BASE", quantity: 1, cents: 300000, dueOn: "2026-06-15", allocations: [[city, 150000], [pcsw, 0], [ngo, 150000]] },
    { agreement: world.agreements.liege, household: world.households.liege, kind: "BASE", quantity: 2, cents: 300000, dueOn: "2026-04-01", settledOn: "2026-04-10", allocations: [[liegePcsw, 300000], [liegeNgo, 300000]] },
    { agreement: world.agreements.liege, household: null, kind: "ADJUSTMENT", quantity: 1, cents: 25000, dueOn: "2026-05-05", explanation: "Interprétation, frais convenus avec Fedasil", allocations: [[liegePcsw, 12500], [liegeNgo, 12500]] },
  ]);
  return { gentB, households: { gent2, gentB1 } };
}
