import { type TestApp, startTestApp } from "../../support/test-app";
import { USERS, type World, seedWorld } from "../../support/world";

const PAGE = `
  query Page($first: Int!) {
    households(first: $first, orderBy: { field: REFERENCE, direction: ASC }) {
      totalCount
      nodes {
        reference personCount resettledPersonCount
        head { givenName }
        persons { givenName birthDate relationship resettled household { reference } }
        accommodation { streetAddress monthlyRent { amount } household { reference } }
        accommodations { availableFrom }
        agreement { reference consortium { name } }
      }
    }
  }`;

const AGREEMENTS = `
  query Agreements($first: Int!) {
    agreements(first: $first) {
      nodes { reference placedPersons households(first: 3) { totalCount nodes { reference persons { givenName } accommodation { streetAddress } } } }
    }
  }`;

describe("households without N+1", () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t.app.db);
    const db = t.app.db.manager;
    // 60 households of Gent with 1 to 8 persons and a home each.
    await db.query(
      `INSERT INTO household (agreement_id, reference, arrival_route, expected_arrival_on)
       SELECT $1, 'HH-BULK-' || lpad(i::text, 3, '0'), CASE WHEN i % 2 = 0 THEN 'DIRECT' ELSE 'VIA_RECEPTION' END, DATE '2026-01-01' + i
         FROM generate_series(1, 60) AS i`,
      [world.agreements.gent],
    );
    await db.query(
      `INSERT INTO person (household_id, given_name, family_name, birth_date, sex, relationship)
       SELECT h.id, 'Member ' || n, 'Bulk', DATE '1970-01-01' + n * 700, 'X', CASE WHEN n = 1 THEN 'HEAD' ELSE 'CHILD' END
         FROM household h CROSS JOIN LATERAL generate_series(1, 1 + substr(h.reference, 9)::int % 8) AS n
        WHERE h.reference LIKE 'HH-BULK-%'`,
    );
    await db.query(
      `INSERT INTO accommodation (household_id, street_address, postal_code, municipality, available_from, monthly_rent_cents, landlord_kind)
       SELECT id, 'Bulkstraat ' || substr(reference, 9), '9000', 'Gent', DATE '2025-06-01', 60000, 'PRIVATE' FROM household WHERE reference LIKE 'HH-BULK-%'`,
    );
    // Twelve more agreements of Liège with a household each, for the list of agreements.
    await db.query(
      `INSERT INTO agreement (consortium_id, reference, status, starts_on, ends_on, capacity)
       SELECT $1, 'RES-BULK-' || lpad(i::text, 2, '0'), 'ACTIVE', DATE '2026-01-01', DATE '2027-01-01', 20 FROM generate_series(1, 12) AS i`,
      [world.consortia.liege],
    );
    await db.query(
      `INSERT INTO household (agreement_id, reference) SELECT id, 'HH-' || reference FROM agreement WHERE reference LIKE 'RES-BULK-%'`,
    );
    await db.query(
      `INSERT INTO person (household_id, given_name, family_name, birth_date, sex, relationship)
       SELECT id, 'Solo', 'Bulk', DATE '1990-01-01', 'X', 'HEAD' FROM household WHERE reference LIKE 'HH-RES-BULK-%'`,
    );
  });
  afterAll(() => t.close());

  it("costs the same number of statements for 10 and for 50 households with members, homes and agreement", async () => {
    for (const [who, subject] of [["coordinator", USERS.gentCoordinator], ["Fedasil", USERS.fedasilAdmin]] as const) {
      const ten = await t.measure(PAGE, { first: 10 }, subject);
      const fifty = await t.measure(PAGE, { first: 50 }, subject);
      expect(ten.data.households.nodes).toHaveLength(10);
      expect(fifty.data.households.nodes).toHaveLength(50);
      const persons = fifty.data.households.nodes.reduce((sum: number, h: { persons: unknown[] }) => sum + h.persons.length, 0);
      expect(persons).toBeGreaterThan(150);
      expect(fifty.data.households.nodes.every((h: { accommodation: unknown; agreement: { consortium: { name: string } } }) => h.accommodation && h.agreement.consortium.name === "Consortium Gent")).toBe(true);
      console.log(`households(first: 10) as ${who}: ${ten.statements} SQL statements; households(first: 50): ${fifty.statements}`);
      expect(fifty.statements).toBe(ten.statements);
    }
  });

  it("costs the same number of statements for 2 and for 14 agreements with their households", async () => {
    const two = await t.measure(AGREEMENTS, { first: 2 }, USERS.fedasilAdmin);
    const fourteen = await t.measure(AGREEMENTS, { first: 14 }, USERS.fedasilAdmin);
    expect(fourteen.data.agreements.nodes).toHaveLength(14);
    expect(fourteen.data.agreements.nodes.filter((a: { households: { totalCount: number } }) => a.households.totalCount === 1)).toHaveLength(13);
    console.log(`agreements(first: 2) with households: ${two.statements} SQL statements; agreements(first: 14): ${fourteen.statements}`);
    expect(fourteen.statements).toBe(two.statements);
  });
});
