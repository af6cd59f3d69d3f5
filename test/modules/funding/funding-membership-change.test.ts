import { type TestApp, startTestApp } from "../../support/test-app";
import { USERS, type World, seedWorld } from "../../support/world";
import { gid } from "../households/fixtures";
import { FIVE, expectExactSplits, fundingApi, summary } from "./funding-api";

const END = `mutation($input: EndConsortiumMembershipInput!) { endConsortiumMembership(input: $input) { userErrors { field code } } }`;

describe("funding lines when a member leaves mid-period", () => {
  let t: TestApp;
  let world: World;
  let api: ReturnType<typeof fundingApi>;

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t.app.db);
    api = fundingApi(t, () => world.agreements.gent);
  });
  afterAll(() => t.close());

  it("gives a member that left before a line's due date nothing of it, and keeps the lines due before", async () => {
    const household = await api.household(FIVE, "DIRECT");
    const version = await api.arrive(household, "DIRECT");
    const firstYear = await api.lines(household.id);

    const [ngo] = await t.app.db.manager.query(`SELECT id FROM consortium_membership WHERE organisation_id = $1`, [world.organisations.gentNgo]);
    const ended = await t.gql(END, { input: { membershipId: gid("ConsortiumMembership", ngo.id), leftOn: "2026-12-01", expectedVersion: 1 } }, USERS.fedasilAdmin);
    expect(ended.data.endConsortiumMembership.userErrors).toEqual([]);

    await api.extend(household.id, version);
    const lines = await api.lines(household.id);
    expect(lines.slice(0, 3)).toEqual(firstYear);
    expect(summary(lines)).toEqual([
      "BASE 5 15000.00 2026-01-31: Stad Gent 5000.00, OCMW Gent 5000.00, Vluchtelingenwerk Gent 5000.00",
      "DIRECT_ARRIVAL_HEAD 1 2000.00 2026-01-31: Stad Gent 666.67, OCMW Gent 666.67, Vluchtelingenwerk Gent 666.66",
      "DIRECT_ARRIVAL_MEMBER 4 2000.00 2026-01-31: Stad Gent 666.67, OCMW Gent 666.67, Vluchtelingenwerk Gent 666.66",
      "EXTENSION 5 3000.00 2027-01-31: Stad Gent 1500.00, OCMW Gent 1500.00",
    ]);
    expectExactSplits(lines);
    // Until it leaves, the member still sees the lines it shares in.
    expect((await api.lines(household.id, USERS.gentNgoStaff)).map((l) => l.id)).toEqual(lines.map((l) => l.id));
  });
});
