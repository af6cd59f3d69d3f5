import { seedDemoData } from "../../src/demo/demo-data";
import { planDemoData } from "../../src/demo/demo-plan";
import { DEMO_USERS, organisationNameOf } from "../../src/demo/demo-users";
import { tokenCommand } from "../../src/scripts/token";
import { normaliseEnterpriseNumber } from "../../src/modules/organisations/enterprise-number";
import { addMonths, todayInBrussels } from "../../src/shared/calendar";
import { type TestApp, startTestApp } from "../support/test-app";

type Rows = Array<Record<string, any>>;

describe("demo data", () => {
  let t: TestApp;
  let loaded: boolean;
  const today = todayInBrussels();
  const query = (sql: string, params: unknown[] = []): Promise<Rows> => t.app.db.manager.query(sql, params);

  beforeAll(async () => {
    t = await startTestApp();
    loaded = await seedDemoData(t.app.db, today);
  });
  afterAll(() => t.close());

  it("loads into an empty database", () => {
    expect(loaded).toBe(true);
  });

  it("gives every organisation a valid enterprise number and a Belgian postal code", async () => {
    const organisations = await query(`SELECT enterprise_number, postal_code FROM organisation`);
    expect(organisations.length).toBeGreaterThanOrEqual(7);
    for (const o of organisations) {
      expect(normaliseEnterpriseNumber(o.enterprise_number)).toBe(o.enterprise_number);
      expect(o.postal_code).toMatch(/^[1-9]\d{3}$/);
    }
  });

  it("has Fedasil, an evaluation office and the three kinds of consortium, each with one lead", async () => {
    const kinds = await query(`SELECT kind, count(*)::int AS n FROM organisation WHERE kind IN ('FEDASIL','EVALUATOR') GROUP BY kind ORDER BY kind`);
    expect(kinds).toEqual([{ kind: "EVALUATOR", n: 1 }, { kind: "FEDASIL", n: 1 }]);
    const consortia = await query(
      `SELECT c.name, string_agg(o.kind, ',' ORDER BY o.kind) AS kinds, count(*) FILTER (WHERE m.role = 'LEAD')::int AS leads,
              bool_and(m.joined_on <= $1) AS joined
         FROM consortium c JOIN consortium_membership m ON m.consortium_id = c.id AND m.left_on IS NULL
         JOIN organisation o ON o.id = m.organisation_id GROUP BY c.id, c.name`,
      [today],
    );
    expect(consortia.map((c) => c.kinds).sort()).toEqual(["CITY,NGO,PCSW", "NGO", "NGO,NGO,PCSW"]);
    for (const c of consortia) expect(c).toMatchObject({ leads: 1, joined: true });
  });

  it("gives each consortium an active, signed agreement with a Fedasil contact and room for its households", async () => {
    const agreements = await query(
      `SELECT a.status, a.signed_on::text, a.starts_on::text, a.ends_on::text, a.capacity, u.role AS contact_role,
              (SELECT count(*)::int FROM person p JOIN household h ON h.id = p.household_id WHERE h.agreement_id = a.id) AS placed
         FROM agreement a JOIN app_user u ON u.id = a.fedasil_contact_id`,
    );
    expect(agreements).toHaveLength(3);
    for (const a of agreements) {
      expect(a).toMatchObject({ status: "ACTIVE", contact_role: "FEDASIL_STAFF" });
      expect(a.signed_on <= a.starts_on && a.starts_on <= today && today < a.ends_on).toBe(true);
      expect(a.placed).toBeGreaterThan(0);
      expect(a.placed).toBeLessThanOrEqual(a.capacity);
    }
  });

  it("has about 25 households of 1 to 8 persons with exactly one head each", async () => {
    const households = await query(
      `SELECT h.reference, count(p.id)::int AS size, count(*) FILTER (WHERE p.relationship = 'HEAD')::int AS heads
         FROM household h LEFT JOIN person p ON p.household_id = h.id GROUP BY h.id, h.reference`,
    );
    expect(households.length).toBeGreaterThanOrEqual(22);
    expect(households.length).toBeLessThanOrEqual(28);
    for (const h of households) {
      expect(h.heads).toBe(1);
      expect(h.size).toBeGreaterThanOrEqual(1);
      expect(h.size).toBeLessThanOrEqual(8);
    }
    const sizes = households.map((h) => h.size);
    expect(Math.min(...sizes)).toBe(1);
    expect(Math.max(...sizes)).toBe(8);
  });

  it("mixes both arrival routes and the statuses, with 12-month accompaniments (24 when extended)", async () => {
    const households = await query(
      `SELECT status, arrival_route, expected_arrival_on::text, arrived_on::text, accompaniment_starts_on::text, accompaniment_ends_on::text
         FROM household`,
    );
    expect(new Set(households.map((h) => h.arrival_route))).toEqual(new Set(["DIRECT", "VIA_RECEPTION"]));
    expect(new Set(households.map((h) => h.status))).toEqual(new Set(["PLANNED", "IN_ACCOMPANIMENT", "EXTENDED"]));
    expect(households.filter((h) => h.status === "EXTENDED")).toHaveLength(1);
    for (const h of households) {
      if (h.status === "PLANNED") {
        expect(h.arrived_on).toBeNull();
        expect(h.expected_arrival_on > today).toBe(true);
        continue;
      }
      expect(h.arrived_on <= h.accompaniment_starts_on && h.accompaniment_starts_on <= today).toBe(true);
      if (h.arrival_route === "DIRECT") expect(h.arrived_on).toBe(h.accompaniment_starts_on);
      expect(h.accompaniment_ends_on).toBe(addMonths(h.accompaniment_starts_on, h.status === "EXTENDED" ? 24 : 12));
      expect(h.accompaniment_ends_on > today).toBe(true);
    }
  });

  it("has plausible birth dates, children, and one child born after arrival who is not resettled", async () => {
    const persons = await query(`SELECT p.relationship, p.resettled, p.birth_date::text, h.arrived_on::text FROM person p JOIN household h ON h.id = p.household_id`);
    for (const p of persons) {
      expect(p.birth_date < today && p.birth_date > addMonths(today, -12 * 90)).toBe(true);
    }
    expect(persons.filter((p) => p.relationship === "CHILD" && p.birth_date > addMonths(today, -12 * 18)).length).toBeGreaterThan(20);
    const bornHere = persons.filter((p) => !p.resettled);
    expect(bornHere).toHaveLength(1);
    expect(bornHere[0].relationship).toBe("CHILD");
    expect(bornHere[0].birth_date > bornHere[0].arrived_on).toBe(true);
    for (const p of persons.filter((p) => p.resettled && p.arrived_on)) expect(p.birth_date < p.arrived_on).toBe(true);
  });

  it("houses every arrived household for a year or more, except one acknowledged short stay", async () => {
    const homes = await query(
      `SELECT a.available_from::text, a.available_until::text, a.short_stay_acknowledged
         FROM household h LEFT JOIN accommodation a ON a.household_id = h.id WHERE h.status <> 'PLANNED'`,
    );
    expect(homes.every((home) => home.available_from !== null)).toBe(true);
    const short = homes.filter((home) => home.available_until !== null && home.available_until < addMonths(home.available_from, 12));
    expect(short).toHaveLength(1);
    expect(short[0].short_stay_acknowledged).toBe(true);
    expect(homes.filter((home) => home.short_stay_acknowledged)).toHaveLength(1);
  });

  it("has the demo users, one per role per organisation", async () => {
    const users = await query(
      `SELECT u.subject, u.role, o.kind, o.id AS organisation FROM app_user u JOIN organisation o ON o.id = u.organisation_id`,
    );
    expect(users.map((u) => u.subject).sort()).toEqual(DEMO_USERS.map((u) => u.login).sort());
    const rolesByOrganisation = new Map<string, { kind: string; roles: string[] }>();
    for (const u of users) {
      const entry = rolesByOrganisation.get(u.organisation) ?? { kind: u.kind, roles: [] as string[] };
      entry.roles.push(u.role);
      rolesByOrganisation.set(u.organisation, entry);
    }
    const expected: Record<string, string[]> = {
      FEDASIL: ["FEDASIL_ADMIN", "FEDASIL_STAFF"],
      EVALUATOR: ["EVALUATOR"],
    };
    const [{ n: organisations }] = await query(`SELECT count(*)::int AS n FROM organisation`);
    expect(rolesByOrganisation.size).toBe(organisations);
    for (const { kind, roles } of rolesByOrganisation.values()) {
      expect(roles.sort()).toEqual(expected[kind] ?? ["PARTNER_COORDINATOR", "PARTNER_STAFF"]);
    }
  });

  it("puts every partner user in exactly one consortium today", async () => {
    for (const user of DEMO_USERS.filter((u) => u.role.startsWith("PARTNER_"))) {
      const viewer = await t.app.services.users.viewerFor(user.login, today);
      expect(viewer?.consortiumIds).toHaveLength(1);
    }
  });

  it("signs tokens with the token script that authenticate as each demo user", async () => {
    const VIEWER = `{ viewer { roles user { displayName role } organisation { name } } }`;
    for (const user of DEMO_USERS) {
      const { stdout, exitCode } = await tokenCommand([user.login], t.config.auth);
      expect(exitCode).toBe(0);
      const res = await t.gql(VIEWER, {}, undefined, { authorization: `Bearer ${stdout}` });
      expect(res.errors).toBeUndefined();
      expect(res.data.viewer).toEqual({
        roles: [user.role],
        user: { displayName: user.displayName, role: user.role },
        organisation: { name: organisationNameOf(user) },
      });
    }
  });

  it("loads nothing on a second call", async () => {
    const counts = `SELECT (SELECT count(*) FROM organisation) + (SELECT count(*) FROM household) + (SELECT count(*) FROM person) + (SELECT count(*) FROM task) AS n`;
    const [before] = await query(counts);
    expect(await seedDemoData(t.app.db, today)).toBe(false);
    expect(await query(counts)).toEqual([before]);
  });

  it("plans the same rows for the same day", () => {
    expect(planDemoData("2026-03-15")).toEqual(planDemoData("2026-03-15"));
  });
});
