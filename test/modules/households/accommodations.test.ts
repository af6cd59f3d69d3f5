import { type TestApp, startTestApp } from "../../support/test-app";
import { USERS, type World, seedWorld } from "../../support/world";
import { footprint, gid, userErrorCodes } from "./fixtures";

const SET = `
  mutation Set($input: SetAccommodationInput!) {
    setAccommodation(input: $input) {
      accommodation { id streetAddress postalCode municipality availableFrom availableUntil monthlyRent { amount currencyCode }
                      landlordKind shortStayAcknowledged version household { accommodations { streetAddress } } }
      userErrors { field message code }
    }
  }`;

describe("setAccommodation", () => {
  let t: TestApp;
  let world: World;
  const home = (overrides: Record<string, unknown> = {}) => ({
    householdId: gid("Household", world.households.gent),
    streetAddress: " Sint-Pietersnieuwstraat 10 ",
    postalCode: "9000",
    municipality: "Gent",
    availableFrom: "2026-03-01",
    availableUntil: "2027-03-01",
    monthlyRent: { amount: "650.5", currencyCode: "EUR" },
    landlordKind: "SOCIAL_HOUSING",
    ...overrides,
  });
  const set = (input: Record<string, unknown>, subject: string = USERS.gentCoordinator) => t.gql(SET, { input }, subject);

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t.app.db);
  });
  afterAll(() => t.close());

  it("adds a home of a year with its rent in cents, and an audit event", async () => {
    const res = await set(home());
    expect(res.errors).toBeUndefined();
    expect(res.data.setAccommodation).toMatchObject({
      userErrors: [],
      accommodation: {
        streetAddress: "Sint-Pietersnieuwstraat 10",
        availableUntil: "2027-03-01",
        monthlyRent: { amount: "650.50", currencyCode: "EUR" },
        shortStayAcknowledged: false,
        version: 1,
        household: { accommodations: [{ streetAddress: "Sint-Pietersnieuwstraat 10" }] },
      },
    });
    const [row] = await t.app.db.manager.query(`SELECT monthly_rent_cents FROM accommodation`);
    expect(row.monthly_rent_cents).toBe(65050);
    const [audit] = await t.app.db.manager.query(`SELECT subject_type, consortium_id FROM audit_event WHERE action = 'setAccommodation'`);
    expect(audit).toEqual({ subject_type: "Accommodation", consortium_id: world.consortia.gent });
  });

  it("refuses a stay shorter than a year unless acknowledged, then marks it", async () => {
    const before = await footprint(t.app.db);
    const short = await set(home({ availableUntil: "2027-02-28" }));
    expect(userErrorCodes(short.data.setAccommodation)).toEqual(["input.availableUntil:SHORT_ACCOMMODATION"]);
    expect(await footprint(t.app.db)).toEqual(before);
    const acknowledged = await set(home({ availableUntil: "2027-02-28", acknowledgeShortStay: true }));
    expect(acknowledged.data.setAccommodation).toMatchObject({ userErrors: [], accommodation: { shortStayAcknowledged: true } });
    const openEnded = await set(home({ availableUntil: null, acknowledgeShortStay: true }));
    expect(openEnded.data.setAccommodation.accommodation.shortStayAcknowledged).toBe(false);
  });

  it("refuses bad rents, a reversed period, an empty address and a foreign postal code, writing nothing", async () => {
    const before = await footprint(t.app.db);
    const codes = async (overrides: Record<string, unknown>) => userErrorCodes((await set(home(overrides))).data.setAccommodation);
    for (const amount of ["-1.00", "12.345", "abc", "1e3", "99999999999.00"]) {
      expect(await codes({ monthlyRent: { amount, currencyCode: "EUR" } })).toEqual(["input.monthlyRent.amount:INVALID"]);
    }
    expect(await codes({ availableUntil: "2026-03-01" })).toEqual(["input.availableUntil:INVALID_DATE_RANGE"]);
    expect(await codes({ streetAddress: "   ", postalCode: "75001" })).toEqual(["input.postalCode:INVALID"]);
    expect(await codes({ streetAddress: "   " })).toEqual(["input.streetAddress:REQUIRED"]);
    expect(await footprint(t.app.db)).toEqual(before);
  });

  it("corrects a home of the household with its version; a stale version is a CONFLICT", async () => {
    const created = (await set(home({ streetAddress: "Correctiestraat 1" }))).data.setAccommodation.accommodation;
    const fixed = await set(home({ accommodationId: created.id, expectedVersion: 1, streetAddress: "Correctiestraat 2", monthlyRent: null }));
    expect(fixed.data.setAccommodation).toMatchObject({ userErrors: [], accommodation: { id: created.id, streetAddress: "Correctiestraat 2", monthlyRent: null, version: 2 } });
    const before = await footprint(t.app.db);
    expect(userErrorCodes((await set(home({ accommodationId: created.id, expectedVersion: 1 }))).data.setAccommodation)).toEqual(["input.expectedVersion:CONFLICT"]);
    expect(userErrorCodes((await set(home({ accommodationId: created.id }))).data.setAccommodation)).toEqual(["input.expectedVersion:REQUIRED"]);
    expect(userErrorCodes((await set(home({ expectedVersion: 2 }))).data.setAccommodation)).toEqual(["input.expectedVersion:INVALID"]);
    const elsewhere = await set(home({ householdId: gid("Household", world.households.liege), accommodationId: created.id, expectedVersion: 2 }), USERS.liegeCoordinator);
    expect(userErrorCodes(elsewhere.data.setAccommodation)).toEqual(["input.accommodationId:UNKNOWN_REFERENCE"]);
    expect(await footprint(t.app.db)).toEqual(before);
  });

  it("returns the first home for a retried idempotency key", async () => {
    const input = home({ streetAddress: "Herhaalstraat 1", idempotencyKey: "home-1" });
    const first = await set(input);
    const before = await footprint(t.app.db);
    expect((await set(input)).data.setAccommodation.accommodation.id).toBe(first.data.setAccommodation.accommodation.id);
    expect(await footprint(t.app.db)).toEqual(before);
  });

  it.each([
    [USERS.gentStaff, "FORBIDDEN"],
    [USERS.fedasilStaff, "FORBIDDEN"],
    [USERS.fedasilAdmin, "FORBIDDEN"],
    [USERS.liegeCoordinator, "NOT_FOUND"],
    [USERS.evaluator, "NOT_FOUND"],
  ])("refuses %s with %s and writes nothing", async (subject, code) => {
    const before = await footprint(t.app.db);
    const res = await set(home(), subject);
    expect(res.errors?.[0].extensions?.code).toBe(code);
    expect(await footprint(t.app.db)).toEqual(before);
  });
});
