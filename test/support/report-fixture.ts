import type { Database } from "../../src/database/database";
import { insertLines } from "../modules/funding/statements/statement-fixture";
import type { World } from "./world";

/**
 * The report tests' fixed fixture, on top of the world (which adds one planned household of 2
 * persons per consortium, route DIRECT, not arrived). Gent's NGO left its consortium on
 * 2025-04-01: it shares the Gent households accompanied before (G1-G3), not the later ones.
 *
 *   household  agreement  arrived     route          status            persons (resettled)
 *   G1         Gent       2025-02-10  DIRECT         IN_ACCOMPANIMENT  4 (4)
 *   G2         Gent       2025-03-05  VIA_RECEPTION  IN_ACCOMPANIMENT  1 (1)
 *   G3         Gent       2025-03-20  DIRECT         IN_ACCOMPANIMENT  3 (2: a child born here)
 *   G4         Gent       2025-05-12  VIA_RECEPTION  IN_ACCOMPANIMENT  2 (2)
 *   G5         Gent       2025-06-01  DIRECT         EXTENDED          5 (5)
 *   G6         Gent       2025-08-15  VIA_RECEPTION  IN_ACCOMPANIMENT  1 (1)
 *   G7         Gent       2025-09-30  DIRECT         IN_ACCOMPANIMENT  2 (2)
 *   G8         Gent       2025-04-03  VIA_RECEPTION  IN_ACCOMPANIMENT  7 (7)
 *   L1         Liège      2025-01-20  VIA_RECEPTION  COMPLETED         3 (3)
 *   L2         Liège      2025-02-25  DIRECT         IN_ACCOMPANIMENT  1 (1)
 *   L3         Liège      2025-04-10  VIA_RECEPTION  IN_ACCOMPANIMENT  6 (6)
 *   L4         Liège      2025-07-07  DIRECT         EXITED            2 (2)
 *   L5         Liège      2025-04-22  VIA_RECEPTION  IN_ACCOMPANIMENT  2 (2)
 *   L6         Liège      2025-06-30  DIRECT         IN_ACCOMPANIMENT  1 (1)
 */
const HOUSEHOLDS = [
  ["G1", "gent", "2025-02-10", "DIRECT", "IN_ACCOMPANIMENT", 4, 4],
  ["G2", "gent", "2025-03-05", "VIA_RECEPTION", "IN_ACCOMPANIMENT", 1, 1],
  ["G3", "gent", "2025-03-20", "DIRECT", "IN_ACCOMPANIMENT", 3, 2],
  ["G4", "gent", "2025-05-12", "VIA_RECEPTION", "IN_ACCOMPANIMENT", 2, 2],
  ["G5", "gent", "2025-06-01", "DIRECT", "EXTENDED", 5, 5],
  ["G6", "gent", "2025-08-15", "VIA_RECEPTION", "IN_ACCOMPANIMENT", 1, 1],
  ["G7", "gent", "2025-09-30", "DIRECT", "IN_ACCOMPANIMENT", 2, 2],
  ["G8", "gent", "2025-04-03", "VIA_RECEPTION", "IN_ACCOMPANIMENT", 7, 7],
  ["L1", "liege", "2025-01-20", "VIA_RECEPTION", "COMPLETED", 3, 3],
  ["L2", "liege", "2025-02-25", "DIRECT", "IN_ACCOMPANIMENT", 1, 1],
  ["L3", "liege", "2025-04-10", "VIA_RECEPTION", "IN_ACCOMPANIMENT", 6, 6],
  ["L4", "liege", "2025-07-07", "DIRECT", "EXITED", 2, 2],
  ["L5", "liege", "2025-04-22", "VIA_RECEPTION", "IN_ACCOMPANIMENT", 2, 2],
  ["L6", "liege", "2025-06-30", "DIRECT", "IN_ACCOMPANIMENT", 1, 1],
] as const;

type Member = "gentCity" | "gentPcsw" | "gentNgo" | "liegePcsw" | "liegeNgo";

/**
 * Tasks: household (null: agreement-level), template code or title, status, due, done at (UTC),
 * assignee. Days from arrival to done (Brussels): T1 5, T2 28, T3 6 (done 23:30 UTC = the next
 * day in Brussels, late), T7 11 (done 22:30 UTC the day before due = on time), T8 39, T13 6.
 */
const TASKS: ReadonlyArray<[string, string | null, string, string, string, string, string | null, Member]> = [
  ["T1", "G1", "REGISTER_AT_COMMUNE", "ADMINISTRATION", "DONE", "2025-02-20", "2025-02-15T10:00:00Z", "gentCity"],
  ["T2", "G1", "APPLY_INTEGRATION_INCOME", "INCOME", "DONE", "2025-03-01", "2025-03-10T09:00:00Z", "gentPcsw"],
  ["T3", "G2", "REGISTER_AT_COMMUNE", "ADMINISTRATION", "DONE", "2025-03-10", "2025-03-10T23:30:00Z", "gentCity"],
  ["T4", "G3", "FIND_HOUSING", "HOUSING", "OPEN", "2025-04-01", null, "gentNgo"],
  ["T5", "G4", "FIND_HOUSING", "HOUSING", "IN_PROGRESS", "2099-01-01", null, "gentNgo"],
  ["T6", "G5", "APPLY_INTEGRATION_INCOME", "INCOME", "BLOCKED", "2025-06-15", null, "gentPcsw"],
  ["T7", "L1", "REGISTER_AT_COMMUNE", "ADMINISTRATION", "DONE", "2025-02-01", "2025-01-31T22:30:00Z", "liegePcsw"],
  ["T8", "L2", "APPLY_INTEGRATION_INCOME", "INCOME", "DONE", "2025-03-01", "2025-04-05T08:00:00Z", "liegePcsw"],
  ["T9", "L3", "HEALTH_INSURANCE", "HEALTH", "CANCELLED", "2025-05-01", null, "liegeNgo"],
  ["T10", "L3", "Dentist appointment", "HEALTH", "OPEN", "2025-05-20", null, "liegeNgo"],
  ["T11", null, "Steering meeting", "COOPERATION", "OPEN", "2025-01-15", null, "gentCity"],
  ["T12", "G6", "OPEN_BANK_ACCOUNT", "ADMINISTRATION", "NOT_APPLICABLE", "2025-09-01", null, "gentCity"],
  ["T13", "L5", "OPEN_BANK_ACCOUNT", "ADMINISTRATION", "DONE", "2025-05-01", "2025-04-28T12:00:00Z", "liegePcsw"],
];

export interface ReportFixture {
  households: Record<string, string>;
}

async function insert(db: Database, table: string, row: Record<string, unknown>): Promise<string> {
  const columns = Object.keys(row);
  const placeholders = columns.map((_, i) => `$${i + 1}`).join(", ");
  const [{ id }] = await db.manager.query(`INSERT INTO ${table} (${columns.join(", ")}) VALUES (${placeholders}) RETURNING id`, Object.values(row));
  return id;
}

export async function seedReportFixture(db: Database, world: World): Promise<ReportFixture> {
  await db.manager.query(`UPDATE consortium_membership SET left_on = '2025-04-01' WHERE organisation_id = $1`, [world.organisations.gentNgo]);
  const households: Record<string, string> = {};
  for (const [name, agreement, arrivedOn, route, status, persons, resettled] of HOUSEHOLDS) {
    const id = await insert(db, "household", {
      agreement_id: world.agreements[agreement],
      reference: `HH-REPORT-${name}`,
      status,
      arrival_route: route,
      arrived_on: arrivedOn,
      accompaniment_starts_on: arrivedOn,
    });
    households[name] = id;
    for (let i = 0; i < persons; i++) {
      await insert(db, "person", {
        household_id: id,
        given_name: `Person ${i + 1}`,
        family_name: `Family ${name}`,
        birth_date: i === 0 ? "1985-01-01" : "2012-06-01",
        sex: i % 2 === 0 ? "FEMALE" : "MALE",
        relationship: i === 0 ? "HEAD" : "CHILD",
        resettled: i < resettled,
      });
    }
  }
  for (const [, household, templateOrTitle, category, status, dueOn, doneAt, assignee] of TASKS) {
    const [template] = await db.manager.query(`SELECT id FROM task_template WHERE code = $1`, [templateOrTitle]);
    await insert(db, "task", {
      // Households G* are Gent's, L* Liège's; the agreement-level task is Gent's.
      agreement_id: world.agreements[household?.startsWith("L") ? "liege" : "gent"],
      household_id: household ? households[household] : null,
      template_id: template?.id ?? null,
      title: template ? null : templateOrTitle,
      category,
      status,
      due_on: dueOn,
      done_at: doneAt,
      assignee_organisation_id: world.organisations[assignee],
    });
  }
  await insertFunding(db, world, households);
  return { households };
}

/**
 * F1 G1 BASE 4 x 3,000 (city/PCSW/NGO 4,000 each, settled), F2 G1 DIRECT_ARRIVAL_HEAD 2,000
 * (city/PCSW 1,000, settled), F3 G1 DIRECT_ARRIVAL_MEMBER 3 x 500 (city, settled), F4 G2 BASE
 * 3,000 (city/PCSW 1,500), F5 L1 BASE 3 x 3,000 (PCSW/NGO 4,500, settled), F6 Liège ADJUSTMENT
 * -100.01 without household (PCSW -50.01, NGO -50.00), F7 G5 EXTENSION 5 x 600 (PCSW).
 */
function insertFunding(db: Database, world: World, households: Record<string, string>) {
  const o = world.organisations;
  type Kind = "BASE" | "EXTENSION" | "DIRECT_ARRIVAL_HEAD" | "DIRECT_ARRIVAL_MEMBER" | "ADJUSTMENT";
  const line = (agreement: "gent" | "liege", household: string | null, kind: Kind, quantity: number, cents: number, settledOn: string | undefined, allocations: Array<[string, number]>) => ({
    agreement: world.agreements[agreement],
    household: household ? households[household] : null,
    kind,
    quantity,
    cents,
    dueOn: "2025-03-01",
    settledOn,
    allocations,
  });
  return insertLines(db, world, [
    line("gent", "G1", "BASE", 4, 300000, "2025-03-15", [[o.gentCity, 400000], [o.gentPcsw, 400000], [o.gentNgo, 400000]]),
    line("gent", "G1", "DIRECT_ARRIVAL_HEAD", 1, 200000, "2025-03-15", [[o.gentCity, 100000], [o.gentPcsw, 100000]]),
    line("gent", "G1", "DIRECT_ARRIVAL_MEMBER", 3, 50000, "2025-03-15", [[o.gentCity, 150000]]),
    line("gent", "G2", "BASE", 1, 300000, undefined, [[o.gentCity, 150000], [o.gentPcsw, 150000]]),
    line("liege", "L1", "BASE", 3, 300000, "2025-03-15", [[o.liegePcsw, 450000], [o.liegeNgo, 450000]]),
    line("liege", null, "ADJUSTMENT", 1, -10001, undefined, [[o.liegePcsw, -5001], [o.liegeNgo, -5000]]),
    line("gent", "G5", "EXTENSION", 5, 60000, undefined, [[o.gentPcsw, 300000]]),
  ]);
}
