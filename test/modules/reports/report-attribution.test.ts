import { seedReportFixture } from "../../support/report-fixture";
import { type TestApp, startTestApp } from "../../support/test-app";
import { USERS, type World, seedWorld } from "../../support/world";
import { reportApi } from "./report-api";

// Figures worked out by hand from test/support/report-fixture.ts, with Gent's NGO (which left
// on 2025-04-01, so shares G1-G3 only) moved to Antwerp: a Gent household accompanied before
// then sits in two provinces. Gent: G1-G8 and the world's planned household, 9 households of 27
// persons; G1-G3: 8 persons. Liège: 7 households of 17 persons.
describe("report attribution to members in several provinces", () => {
  let t: TestApp;
  let world: World;
  let api: ReturnType<typeof reportApi>;
  const byProvince = { dimensions: ["PROVINCE"], measures: ["HOUSEHOLDS", "PERSONS"] };

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t.app.db);
    await seedReportFixture(t.app.db, world);
    await t.app.db.manager.query(`UPDATE organisation SET province = 'ANTWERP' WHERE id = $1`, [world.organisations.gentNgo]);
    api = reportApi(t);
  });
  afterAll(() => t.close());

  it("counts a household in each province of the members sharing it, and once in the totals", async () => {
    expect(await api.table(byProvince, USERS.fedasilStaff)).toEqual({
      rows: [
        ["ANTWERP", 3, 8],
        ["EAST_FLANDERS", 9, 27],
        ["LIEGE", 7, 17],
      ],
      totals: [16, 44],
    });
    expect(await api.table({ dimensions: [], measures: ["HOUSEHOLDS", "PERSONS"], filter: { provinces: ["ANTWERP", "EAST_FLANDERS"] } }, USERS.fedasilStaff)).toEqual({
      rows: [],
      totals: [9, 27],
    });
  });

  it("applies an organisation filter to the members: a household is in when one of them passes", async () => {
    expect(await api.table({ dimensions: ["ARRIVAL_ROUTE"], measures: ["HOUSEHOLDS", "PERSONS"], filter: { provinces: ["ANTWERP"] } }, USERS.fedasilStaff)).toEqual({
      rows: [
        ["DIRECT", 2, 7],
        ["VIA_RECEPTION", 1, 1],
      ],
      totals: [3, 8],
    });
  });

  it("withholds, for evaluators, the province on 3 households and the visible one on the fewest", async () => {
    expect(await api.table(byProvince, USERS.evaluator)).toEqual({
      rows: [
        ["ANTWERP", "suppressed", "suppressed"],
        ["EAST_FLANDERS", 9, 27],
        ["LIEGE", "suppressed", "suppressed"],
      ],
      totals: [16, 44],
    });
  });

  it("follows a member that left and joined again by its latest membership", async () => {
    await t.app.db.manager.query(`INSERT INTO consortium_membership (consortium_id, organisation_id, role, joined_on) VALUES ($1, $2, 'MEMBER', '2025-06-01')`, [
      world.consortia.gent,
      world.organisations.gentNgo,
    ]);
    expect(await api.table(byProvince, USERS.fedasilStaff)).toEqual({
      rows: [
        ["ANTWERP", 9, 27],
        ["EAST_FLANDERS", 9, 27],
        ["LIEGE", 7, 17],
      ],
      totals: [16, 44],
    });
  });
});
