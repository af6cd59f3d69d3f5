import type { Database } from "../../src/database/database";
import { withCheckDigits } from "../../src/modules/organisations/enterprise-number";
import { insertLines } from "../modules/funding/statements/statement-fixture";
import { insertHousehold, insertRow } from "../modules/households/fixtures";
import { insertTask } from "../modules/tasks/fixtures";
import type { World } from "./world";

/** The fixture's "today" (Europe/Brussels): overdue work and endings count from it; horizon 2026-09-13. */
export const OVERVIEW_TODAY = "2026-06-15";

/** Every clock API but Date keeps running for real: the server, its database and fetch need them. */
const REAL_TIMERS = ["hrtime", "nextTick", "performance", "queueMicrotask", "setImmediate", "clearImmediate", "setInterval", "clearInterval", "setTimeout", "clearTimeout"] as const;

/** Makes the server's clock say noon of OVERVIEW_TODAY in Brussels; undo with jest.useRealTimers(). */
export function fixOverviewToday(): void {
  jest.useFakeTimers({ now: new Date(`${OVERVIEW_TODAY}T10:00:00Z`), doNotFake: [...REAL_TIMERS] });
}

export interface OverviewFixture {
  agreements: Record<"gent" | "gentB" | "liege" | "leuven", string>;
  organisations: Record<"leuvenCity" | "leuvenPcsw", string>;
  households: Record<string, string>;
}

interface HouseholdFacts {
  status: string;
  route: "DIRECT" | "VIA_RECEPTION" | null;
  expected?: string;
  arrived?: string;
  starts?: string;
  ends?: string;
  persons: number;
}

/** A head and (persons - 1) children. */
const members = (persons: number) =>
  Array.from({ length: persons }, (_, i) => ({ given_name: `Member ${i + 1}`, birth_date: i === 0 ? "1985-01-01" : "2015-01-01", relationship: i === 0 ? "HEAD" : "CHILD" }));

/**
 * On top of the world (Gent and Liège, one PLANNED household of two persons each): a second Gent
 * agreement (capacity 10), Liège's capacity set to 30, and a Leuven consortium (Stad Leuven lead,
 * Vluchtelingenwerk Gent a member as well, OCMW Leuven a former member) with an agreement of 20.
 * Households in every status, tasks, DONE tasks, funding lines and homes as the test lists them.
 */
export async function seedOverviewFixture(db: Database, world: World): Promise<OverviewFixture> {
  const { organisations: org, users } = world;
  const leuvenCity = await insertRow(db, "organisation", { kind: "CITY", name: "Stad Leuven", enterprise_number: withCheckDigits("02074512"), postal_code: "3000", municipality: "Leuven", province: "FLEMISH_BRABANT" });
  const leuvenPcsw = await insertRow(db, "organisation", { kind: "PCSW", name: "OCMW Leuven", enterprise_number: withCheckDigits("02123448"), postal_code: "3000", municipality: "Leuven", province: "FLEMISH_BRABANT" });
  const leuven = await insertRow(db, "consortium", { name: "Consortium Leuven" });
  await insertRow(db, "consortium_membership", { consortium_id: leuven, organisation_id: leuvenCity, role: "LEAD", joined_on: "2025-01-01" });
  await insertRow(db, "consortium_membership", { consortium_id: leuven, organisation_id: org.gentNgo, role: "MEMBER", joined_on: "2025-01-01" });
  await insertRow(db, "consortium_membership", { consortium_id: leuven, organisation_id: leuvenPcsw, role: "MEMBER", joined_on: "2025-01-01", left_on: "2026-01-01" });
  const agreement = (consortium: string, reference: string, capacity: number) =>
    insertRow(db, "agreement", { consortium_id: consortium, reference, status: "ACTIVE", signed_on: "2025-12-01", starts_on: "2026-01-01", ends_on: "2027-12-31", capacity, fedasil_contact_id: users.fedasilStaff });
  const agreements = {
    gent: world.agreements.gent,
    gentB: await agreement(world.consortia.gent, "RES-2026-GENT-B", 10),
    liege: world.agreements.liege,
    leuven: await agreement(leuven, "RES-2026-LEUVEN", 20),
  };
  await db.manager.query(`UPDATE agreement SET capacity = 30 WHERE id = $1`, [agreements.liege]);

  const household = (agreementKey: string, reference: string, f: HouseholdFacts) =>
    insertHousehold(db, agreementKey, reference, {
      status: f.status, arrival_route: f.route, expected_arrival_on: f.expected ?? null, arrived_on: f.arrived ?? null,
      accompaniment_starts_on: f.starts ?? f.arrived ?? null, accompaniment_ends_on: f.ends ?? null,
      extended_on: f.status === "EXTENDED" ? "2025-08-01" : null, exited_on: f.status === "EXITED" ? "2025-06-01" : null, exit_reason: f.status === "EXITED" ? "Moved abroad" : null,
    }, members(f.persons));
  const households = {
    gent1: world.households.gent,
    liege1: world.households.liege,
    gAcc: await household(agreements.gent, "G-ACC", { status: "IN_ACCOMPANIMENT", route: "DIRECT", arrived: "2025-09-13", ends: "2026-09-13", persons: 4 }),
    gExt: await household(agreements.gent, "G-EXT", { status: "EXTENDED", route: "VIA_RECEPTION", arrived: "2024-07-01", starts: "2024-08-01", ends: "2026-08-01", persons: 3 }),
    gDone: await household(agreements.gent, "G-DONE", { status: "COMPLETED", route: "DIRECT", arrived: "2024-03-01", ends: "2025-03-01", persons: 1 }),
    gExit: await household(agreements.gent, "G-EXIT", { status: "EXITED", route: "VIA_RECEPTION", arrived: "2025-02-01", ends: "2026-02-01", persons: 2 }),
    gbAcc: await household(agreements.gentB, "GB-ACC", { status: "IN_ACCOMPANIMENT", route: "VIA_RECEPTION", expected: "2025-12-15", arrived: "2026-01-10", starts: "2026-02-01", ends: "2027-02-01", persons: 5 }),
    gbPlan: await household(agreements.gentB, "GB-PLAN", { status: "PLANNED", route: null, expected: "2026-08-01", persons: 1 }),
    lAcc: await household(agreements.liege, "L-ACC", { status: "IN_ACCOMPANIMENT", route: "DIRECT", arrived: "2025-07-01", ends: "2026-07-01", persons: 2 }),
    lLate: await household(agreements.liege, "L-LATE", { status: "IN_ACCOMPANIMENT", route: "VIA_RECEPTION", arrived: "2025-06-14", ends: "2026-06-14", persons: 1 }),
    lvAcc: await household(agreements.leuven, "LV-ACC", { status: "IN_ACCOMPANIMENT", route: "DIRECT", arrived: "2026-03-01", ends: "2027-03-01", persons: 3 }),
  };

  const templates = new Map<string, string>((await db.manager.query(`SELECT code, id FROM task_template`)).map((t: { code: string; id: string }) => [t.code, t.id]));
  const task = (agreementKey: string, householdKey: string | null, code: string | null, category: string, dueOn: string, status: string, assignee: string, doneAt?: string) =>
    insertTask(db, {
      agreement_id: agreementKey, household_id: householdKey, template_id: code ? templates.get(code) : null, title: code ? null : "Consortium meeting minutes",
      category, due_on: dueOn, status, assignee_organisation_id: assignee, done_at: doneAt ?? null, status_reason: ["BLOCKED", "CANCELLED"].includes(status) ? "Fixture" : null,
    });
  const { gent, gentB, liege } = agreements;
  // Done: the days from arrival to the Brussels day of done_at are in the comments.
  await task(gent, households.gAcc, "SEARCH_NEXT_HOME", "HOUSING", "2026-06-13", "DONE", org.gentNgo, "2026-06-10T10:00:00Z"); // 270
  await task(gent, households.gAcc, "REGISTER_AT_COMMUNE", "ADMINISTRATION", "2025-09-21", "DONE", org.gentCity, "2025-09-20T23:30:00Z"); // 8 (UTC: 7)
  await task(gent, households.gAcc, "FIND_HOUSING", "HOUSING", OVERVIEW_TODAY, "OPEN", org.gentCity); // due today: not overdue
  await task(gent, households.gExt, "SEARCH_NEXT_HOME", "HOUSING", "2026-05-01", "OPEN", org.gentNgo); // overdue
  await task(gent, households.gExt, "REGISTER_AT_COMMUNE", "ADMINISTRATION", "2024-08-09", "DONE", org.gentCity, "2024-08-05T08:00:00Z"); // 35
  await task(gent, households.gExt, "REGISTER_AT_PCSW", "INCOME", "2026-06-01", "BLOCKED", org.gentPcsw); // overdue
  await task(gent, households.gExt, "APPLY_INTEGRATION_INCOME", "INCOME", "2026-06-14", "IN_PROGRESS", org.gentPcsw); // overdue
  await task(gent, households.gDone, "REGISTER_AT_COMMUNE", "ADMINISTRATION", "2024-03-09", "DONE", org.gentCity, "2024-03-11T12:00:00Z"); // 10
  await task(gent, households.gExit, "FIND_HOUSING", "HOUSING", "2025-03-01", "CANCELLED", org.gentPcsw); // closed
  await task(gent, null, null, "COOPERATION", "2026-06-01", "OPEN", org.gentCity); // agreement-level, overdue
  await task(gentB, households.gbAcc, "REGISTER_AT_COMMUNE", "ADMINISTRATION", "2026-02-09", "DONE", org.gentCity, "2026-01-21T09:00:00Z"); // 11
  await task(gentB, households.gbAcc, "FIND_HOUSING", "HOUSING", "2026-03-01", "OPEN", org.gentNgo); // overdue
  await task(liege, households.lAcc, "REGISTER_AT_COMMUNE", "ADMINISTRATION", "2025-07-09", "DONE", org.liegePcsw, "2025-07-21T10:00:00Z"); // 20
  await task(liege, households.lAcc, "REGISTER_AT_PCSW", "INCOME", "2025-07-08", "OPEN", org.liegePcsw); // overdue
  await task(liege, households.lLate, "FIND_HOUSING", "HOUSING", "2025-07-14", "OPEN", org.liegeNgo); // overdue
  await task(agreements.leuven, households.lvAcc, "REGISTER_AT_COMMUNE", "ADMINISTRATION", "2026-03-09", "DONE", leuvenCity, "2026-03-31T10:00:00Z"); // 30
  await task(agreements.leuven, households.lvAcc, "FIND_HOUSING", "HOUSING", "2026-04-01", "OPEN", org.gentNgo); // overdue

  await insertLines(db, world, [
    { agreement: gent, household: households.gAcc, kind: "BASE", quantity: 4, cents: 300000, dueOn: "2025-09-13", settledOn: "2025-10-01", allocations: [[org.gentCity, 400000], [org.gentPcsw, 400000], [org.gentNgo, 400000]] },
    { agreement: gent, household: households.gAcc, kind: "DIRECT_ARRIVAL_HEAD", quantity: 1, cents: 200000, dueOn: "2025-09-13", allocations: [[org.gentCity, 200000]] },
    { agreement: gent, household: households.gExt, kind: "BASE", quantity: 3, cents: 300000, dueOn: "2024-08-01", settledOn: "2024-09-01", allocations: [[org.gentCity, 300000], [org.gentPcsw, 300000], [org.gentNgo, 300000]] },
    { agreement: gent, household: null, kind: "ADJUSTMENT", quantity: 1, cents: -15000, dueOn: "2026-02-01", explanation: "Interpreter costs charged twice", allocations: [[org.gentCity, -15000]] },
    { agreement: gentB, household: households.gbAcc, kind: "BASE", quantity: 5, cents: 300000, dueOn: "2026-02-01", allocations: [[org.gentCity, 500000], [org.gentPcsw, 500000], [org.gentNgo, 500000]] },
    { agreement: liege, household: households.lAcc, kind: "BASE", quantity: 2, cents: 300000, dueOn: "2025-07-01", settledOn: "2025-08-01", allocations: [[org.liegePcsw, 300000], [org.liegeNgo, 300000]] },
    { agreement: liege, household: households.lAcc, kind: "DIRECT_ARRIVAL_HEAD", quantity: 1, cents: 200000, dueOn: "2025-07-01", allocations: [[org.liegePcsw, 200000]] },
    { agreement: agreements.leuven, household: households.lvAcc, kind: "BASE", quantity: 3, cents: 300000, dueOn: "2026-03-01", allocations: [[leuvenCity, 450000], [org.gentNgo, 450000]] },
  ]);

  const home = (householdKey: string, from: string, until: string | null) =>
    insertRow(db, "accommodation", {
      household_id: householdKey, street_address: "Kerkstraat 1", postal_code: "9000", municipality: "Gent", available_from: from, available_until: until,
      landlord_kind: "PRIVATE", short_stay_acknowledged: true,
    });
  await home(households.gAcc, "2025-09-13", "2026-12-31"); // after the end and the horizon
  await home(households.gExt, "2024-08-01", "2026-07-15"); // before the end (2026-08-01)
  await home(households.gDone, "2024-03-01", "2025-02-01"); // completed: never listed
  await home(households.gbAcc, "2026-02-01", "2026-04-30"); // superseded by the next home
  await home(households.gbAcc, "2026-05-01", "2026-09-01"); // before the end (2027-02-01), within 90 days
  await home(households.lAcc, "2025-07-01", null); // open-ended
  await home(households.lLate, "2025-06-14", "2026-06-30"); // after the (past) end, within 90 days
  await home(households.lvAcc, "2026-03-01", "2026-12-01"); // before the end (2027-03-01), beyond 90 days
  return { agreements, organisations: { leuvenCity, leuvenPcsw }, households };
}
