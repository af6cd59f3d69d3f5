import fc from "fast-check";
import { toGlobalId } from "../../../src/graphql/global-id";
import { parseCents } from "../../../src/graphql/money";
import { type OverviewFixture, fixOverviewToday, seedOverviewFixture } from "../../support/overview-fixture";
import { type TestApp, startTestApp } from "../../support/test-app";
import { USERS, type World, seedWorld } from "../../support/world";

const FIGURES = `fragment Figures on OverviewFigures {
  capacity personsPlanned personsInAccompaniment personsExtended personsCompleted personsExited occupancy
  households householdsDirect householdsViaReception overdueTasks fundingDue { amount } fundingSettled { amount }
}`;

const OVERVIEW = `${FIGURES}
query Overview($filter: ProgrammeOverviewFilter, $first: Int) {
  programmeOverview(filter: $filter) {
    totals { ...Figures }
    agreements(first: $first) { totalCount nodes { agreement { reference } figures { ...Figures } } }
    members(first: $first) { totalCount nodes { organisation { name } agreementCount households overdueTasks openTasks fundingDue { amount } fundingSettled { amount } } }
    overdueTasksByMember { organisation { name } category count }
    taskTemplateDurations { template { code title } doneCount medianDaysFromArrival }
    endingAccompaniments(first: $first) { totalCount nodes { household { reference } endsOn nextHomeSearchDone } }
    accommodationsEndingWithoutNextHome(first: $first) { totalCount nodes { household { reference } accommodationEndsOn } }
  }
}`;

interface Counts {
  capacity?: number;
  persons?: [planned: number, inAccompaniment: number, extended: number, completed: number, exited: number];
  households?: [all: number, direct: number, viaReception: number];
  overdueTasks?: number;
  funding?: [due: string, settled: string];
}

/** The figures as the API shows them; occupancy worked out from the persons and capacity given. */
function figures({ capacity = 0, persons = [0, 0, 0, 0, 0], households = [0, 0, 0], overdueTasks = 0, funding = ["0.00", "0.00"] }: Counts, occupancy: number | null) {
  const [personsPlanned, personsInAccompaniment, personsExtended, personsCompleted, personsExited] = persons;
  return {
    capacity, personsPlanned, personsInAccompaniment, personsExtended, personsCompleted, personsExited, occupancy,
    households: households[0], householdsDirect: households[1], householdsViaReception: households[2], overdueTasks,
    fundingDue: { amount: funding[0] }, fundingSettled: { amount: funding[1] },
  };
}

const member = (name: string, agreementCount: number, households: number, overdueTasks: number, openTasks: number, due: string, settled: string) =>
  ({ organisation: { name }, agreementCount, households, overdueTasks, openTasks, fundingDue: { amount: due }, fundingSettled: { amount: settled } });

// Worked out by hand from the fixture (test/support/overview-fixture.ts), today being 2026-06-15.
const GENT = figures({ capacity: 40, persons: [2, 4, 3, 1, 2], households: [5, 3, 2], overdueTasks: 4, funding: ["22850.00", "21000.00"] }, 7 / 40);
const GENT_B = figures({ capacity: 10, persons: [1, 5, 0, 0, 0], households: [2, 0, 1], overdueTasks: 1, funding: ["15000.00", "0.00"] }, 5 / 10);
const LIEGE = figures({ capacity: 30, persons: [2, 3, 0, 0, 0], households: [3, 2, 1], overdueTasks: 2, funding: ["8000.00", "6000.00"] }, 3 / 30);
const LEUVEN = figures({ capacity: 20, persons: [0, 3, 0, 0, 0], households: [1, 1, 0], overdueTasks: 1, funding: ["9000.00", "0.00"] }, 3 / 20);
const REGISTER = { code: "REGISTER_AT_COMMUNE", title: "Register at the commune" };
const NEXT_HOME = { code: "SEARCH_NEXT_HOME", title: "Start the search for the next home" };

describe("programmeOverview", () => {
  let t: TestApp;
  let world: World;
  let fixture: OverviewFixture;

  beforeAll(async () => {
    fixOverviewToday();
    t = await startTestApp();
    world = await seedWorld(t.app.db);
    fixture = await seedOverviewFixture(t.app.db, world);
  });
  afterAll(async () => {
    jest.useRealTimers();
    await t.close();
  });

  const overview = async (subject: string, filter: Record<string, unknown> | null = null, first = 20) => {
    const res = await t.gql(OVERVIEW, { filter, first }, subject);
    expect(res.errors).toBeUndefined();
    return res.data.programmeOverview;
  };
  const part = async (selection: string, filter: Record<string, unknown> | null, subject: string = USERS.fedasilStaff) => {
    const res = await t.gql(`${selection.includes("...Figures") ? FIGURES : ""} query($filter: ProgrammeOverviewFilter) { programmeOverview(filter: $filter) { ${selection} } }`, { filter }, subject);
    expect(res.errors).toBeUndefined();
    return res.data.programmeOverview;
  };
  const references = (connection: { nodes: Array<{ agreement: { reference: string } }> }) => connection.nodes.map((n) => n.agreement.reference);

  it("gives Fedasil every partnership: totals, agreement and member rows, overdue work, durations and endings", async () => {
    const all = await overview(USERS.fedasilAdmin);
    expect(all.totals).toEqual(
      figures({ capacity: 100, persons: [5, 15, 3, 1, 2], households: [11, 6, 4], overdueTasks: 8, funding: ["54850.00", "27000.00"] }, 18 / 100),
    );
    expect(all.agreements).toEqual({
      totalCount: 4,
      nodes: [
        { agreement: { reference: "RES-2025-GENT" }, figures: GENT },
        { agreement: { reference: "RES-2025-LIEGE" }, figures: LIEGE },
        { agreement: { reference: "RES-2026-GENT-B" }, figures: GENT_B },
        { agreement: { reference: "RES-2026-LEUVEN" }, figures: LEUVEN },
      ],
    });
    // OCMW Leuven left its consortium on 2026-01-01: no row. Vluchtelingenwerk Gent is in Gent and Leuven.
    expect(all.members).toEqual({
      totalCount: 6,
      nodes: [
        member("Caritas Liège", 1, 3, 1, 1, "3000.00", "3000.00"),
        member("CPAS de Liège", 1, 3, 1, 1, "5000.00", "3000.00"),
        member("OCMW Gent", 2, 7, 2, 2, "12000.00", "7000.00"),
        member("Stad Gent", 2, 7, 1, 2, "13850.00", "7000.00"),
        member("Stad Leuven", 1, 1, 0, 0, "4500.00", "0.00"),
        member("Vluchtelingenwerk Gent", 3, 8, 3, 3, "16500.00", "7000.00"),
      ],
    });
    expect(all.overdueTasksByMember).toEqual([
      { organisation: { name: "Caritas Liège" }, category: "HOUSING", count: 1 },
      { organisation: { name: "CPAS de Liège" }, category: "INCOME", count: 1 },
      { organisation: { name: "OCMW Gent" }, category: "INCOME", count: 2 },
      { organisation: { name: "Stad Gent" }, category: "COOPERATION", count: 1 },
      { organisation: { name: "Vluchtelingenwerk Gent" }, category: "HOUSING", count: 3 },
    ]);
    // Days from arrival: 8 (done 01:30 in Brussels, still the day before in UTC), 10, 11, 20, 30, 35.
    expect(all.taskTemplateDurations).toEqual([
      { template: REGISTER, doneCount: 6, medianDaysFromArrival: (11 + 20) / 2 },
      { template: NEXT_HOME, doneCount: 1, medianDaysFromArrival: 270 },
    ]);
    // L-LATE's accompaniment ended yesterday; G-ACC's ends on the 90th day.
    expect(all.endingAccompaniments).toEqual({
      totalCount: 3,
      nodes: [
        { household: { reference: "L-ACC" }, endsOn: "2026-07-01", nextHomeSearchDone: false },
        { household: { reference: "G-EXT" }, endsOn: "2026-08-01", nextHomeSearchDone: false },
        { household: { reference: "G-ACC" }, endsOn: "2026-09-13", nextHomeSearchDone: true },
      ],
    });
    expect(all.accommodationsEndingWithoutNextHome).toEqual({
      totalCount: 4,
      nodes: [
        { household: { reference: "L-LATE" }, accommodationEndsOn: "2026-06-30" },
        { household: { reference: "G-EXT" }, accommodationEndsOn: "2026-07-15" },
        { household: { reference: "GB-ACC" }, accommodationEndsOn: "2026-09-01" },
        { household: { reference: "LV-ACC" }, accommodationEndsOn: "2026-12-01" },
      ],
    });
    expect(await overview(USERS.fedasilStaff)).toEqual(all);
  });

  it("shows a Gent coordinator only Gent, in totals, rows and lists", async () => {
    const gent = await overview(USERS.gentCoordinator);
    expect(gent.totals).toEqual(figures({ capacity: 50, persons: [3, 9, 3, 1, 2], households: [7, 3, 3], overdueTasks: 5, funding: ["37850.00", "21000.00"] }, 12 / 50));
    expect(gent.agreements).toEqual({
      totalCount: 2,
      nodes: [
        { agreement: { reference: "RES-2025-GENT" }, figures: GENT },
        { agreement: { reference: "RES-2026-GENT-B" }, figures: GENT_B },
      ],
    });
    // Vluchtelingenwerk Gent counts only its Gent agreements: not Leuven's households, task or allocation.
    expect(gent.members).toEqual({
      totalCount: 3,
      nodes: [
        member("OCMW Gent", 2, 7, 2, 2, "12000.00", "7000.00"),
        member("Stad Gent", 2, 7, 1, 2, "13850.00", "7000.00"),
        member("Vluchtelingenwerk Gent", 2, 7, 2, 2, "12000.00", "7000.00"),
      ],
    });
    expect(gent.overdueTasksByMember).toEqual([
      { organisation: { name: "OCMW Gent" }, category: "INCOME", count: 2 },
      { organisation: { name: "Stad Gent" }, category: "COOPERATION", count: 1 },
      { organisation: { name: "Vluchtelingenwerk Gent" }, category: "HOUSING", count: 2 },
    ]);
    expect(gent.taskTemplateDurations).toEqual([
      { template: REGISTER, doneCount: 4, medianDaysFromArrival: (10 + 11) / 2 },
      { template: NEXT_HOME, doneCount: 1, medianDaysFromArrival: 270 },
    ]);
    expect(gent.endingAccompaniments.nodes.map((n: { household: { reference: string } }) => n.household.reference)).toEqual(["G-EXT", "G-ACC"]);
    expect(gent.accommodationsEndingWithoutNextHome.nodes.map((n: { household: { reference: string } }) => n.household.reference)).toEqual(["G-EXT", "GB-ACC"]);
    expect(JSON.stringify(gent)).not.toMatch(/LIEGE|Liège|LEUVEN|Leuven|L-ACC|L-LATE|LV-ACC/);
  });

  it("shows a member of two consortia both of them, and a Liège coordinator only Liège", async () => {
    const ngo = await part("totals { capacity overdueTasks } agreements { nodes { agreement { reference } } }", null, USERS.gentNgoStaff);
    expect(ngo.totals).toEqual({ capacity: 70, overdueTasks: 6 });
    expect(references(ngo.agreements)).toEqual(["RES-2025-GENT", "RES-2026-GENT-B", "RES-2026-LEUVEN"]);
    const liege = await part("totals { ...Figures } members { nodes { organisation { name } } }", null, USERS.liegeCoordinator);
    expect(liege.totals).toEqual(LIEGE);
    expect(liege.members.nodes).toEqual([{ organisation: { name: "Caritas Liège" } }, { organisation: { name: "CPAS de Liège" } }]);
  });

  it("narrows by period: households by arrival (expected arrival while planned), funding lines by due date", async () => {
    const year2025 = await overview(USERS.fedasilStaff, { periodFrom: "2025-01-01", periodTo: "2025-12-31" });
    // G-ACC, G-EXIT, L-ACC, L-LATE arrived in 2025; GB-ACC was expected in 2025 but arrived in 2026. Capacity stays.
    expect(year2025.totals).toEqual(
      figures({ capacity: 100, persons: [0, 7, 0, 0, 2], households: [4, 2, 2], overdueTasks: 2, funding: ["22000.00", "18000.00"] }, 7 / 100),
    );
    expect(year2025.agreements.nodes.map((n: { figures: { households: number; overdueTasks: number } }) => [n.figures.households, n.figures.overdueTasks])).toEqual([
      [2, 0],
      [2, 2],
      [0, 0],
      [0, 0],
    ]);
    expect(year2025.members.nodes[5]).toEqual(member("Vluchtelingenwerk Gent", 3, 2, 0, 0, "4000.00", "4000.00"));
    expect(year2025.taskTemplateDurations).toEqual([
      { template: REGISTER, doneCount: 2, medianDaysFromArrival: (8 + 20) / 2 },
      { template: NEXT_HOME, doneCount: 1, medianDaysFromArrival: 270 },
    ]);
    expect(year2025.endingAccompaniments.nodes.map((n: { household: { reference: string } }) => n.household.reference)).toEqual(["L-ACC", "G-ACC"]);
    expect(year2025.accommodationsEndingWithoutNextHome.nodes).toEqual([{ household: { reference: "L-LATE" }, accommodationEndsOn: "2026-06-30" }]);

    // Open bounds: from 2026 on, the planned households count by their expected arrival.
    const from2026 = await part("totals { ...Figures }", { periodFrom: "2026-01-01" });
    expect(from2026.totals).toEqual(figures({ capacity: 100, persons: [5, 8, 0, 0, 0], households: [5, 3, 1], overdueTasks: 2, funding: ["23850.00", "0.00"] }, 8 / 100));
    const until2024 = await part("totals { households personsExtended personsCompleted fundingDue { amount } fundingSettled { amount } }", { periodTo: "2024-12-31" });
    expect(until2024.totals).toEqual({ households: 2, personsExtended: 3, personsCompleted: 1, fundingDue: { amount: "9000.00" }, fundingSettled: { amount: "9000.00" } });
  });

  it("narrows agreements by their consortia's current members, and member rows by the organisations", async () => {
    const liege = await part("totals { ...Figures } agreements { nodes { agreement { reference } } } members { nodes { organisation { name } } } overdueTasksByMember { organisation { name } count }", { provinces: ["LIEGE"] });
    expect(liege.totals).toEqual(LIEGE);
    expect(references(liege.agreements)).toEqual(["RES-2025-LIEGE"]);
    expect(liege.members.nodes).toEqual([{ organisation: { name: "Caritas Liège" } }, { organisation: { name: "CPAS de Liège" } }]);
    expect(liege.overdueTasksByMember).toEqual([{ organisation: { name: "Caritas Liège" }, count: 1 }, { organisation: { name: "CPAS de Liège" }, count: 1 }]);

    const cities = await part(
      "totals { capacity households overdueTasks fundingDue { amount } } agreements { nodes { agreement { reference } } } members { nodes { organisation { name } } } overdueTasksByMember { organisation { name } category count }",
      { organisationKinds: ["CITY"] },
    );
    expect(cities.totals).toEqual({ capacity: 70, households: 8, overdueTasks: 6, fundingDue: { amount: "46850.00" } });
    expect(references(cities.agreements)).toEqual(["RES-2025-GENT", "RES-2026-GENT-B", "RES-2026-LEUVEN"]);
    expect(cities.members.nodes).toEqual([{ organisation: { name: "Stad Gent" } }, { organisation: { name: "Stad Leuven" } }]);
    expect(cities.overdueTasksByMember).toEqual([{ organisation: { name: "Stad Gent" }, category: "COOPERATION", count: 1 }]);

    // One member must match both; OCMW Leuven, a PCSW of Flemish Brabant, is a former member only.
    const eastFlemishPcsw = await part("agreements { nodes { agreement { reference } } } members { nodes { organisation { name } agreementCount } }", { provinces: ["EAST_FLANDERS"], organisationKinds: ["PCSW"] });
    expect(references(eastFlemishPcsw.agreements)).toEqual(["RES-2025-GENT", "RES-2026-GENT-B"]);
    expect(eastFlemishPcsw.members.nodes).toEqual([{ organisation: { name: "OCMW Gent" }, agreementCount: 2 }]);
    const none = await part("totals { ...Figures } agreements { totalCount } members { totalCount } taskTemplateDurations { doneCount }", { provinces: ["FLEMISH_BRABANT"], organisationKinds: ["PCSW"] });
    expect(none).toEqual({ totals: figures({}, null), agreements: { totalCount: 0 }, members: { totalCount: 0 }, taskTemplateDurations: [] });
  });

  it("narrows to the agreements asked for, within the viewer's consortia", async () => {
    const ids = [toGlobalId("Agreement", fixture.agreements.gentB), toGlobalId("Agreement", fixture.agreements.liege)];
    expect((await part("totals { capacity }", { agreementIds: ids })).totals).toEqual({ capacity: 40 });
    expect((await part("totals { capacity }", { agreementIds: ids }, USERS.gentCoordinator)).totals).toEqual({ capacity: 10 });
    expect((await part("totals { capacity }", { agreementIds: [toGlobalId("Household", fixture.households.gAcc)] })).totals).toEqual({ capacity: 0 });
  });

  it("orders agreement and member rows and pages through them", async () => {
    const order = async (field: string, direction: string) =>
      references((await part(`agreements(orderBy: { field: ${field}, direction: ${direction} }) { nodes { agreement { reference } } }`, null)).agreements);
    expect(await order("OCCUPANCY", "DESC")).toEqual(["RES-2026-GENT-B", "RES-2025-GENT", "RES-2026-LEUVEN", "RES-2025-LIEGE"]);
    expect(await order("PERSONS_IN_ACCOMPANIMENT", "DESC")).toEqual(["RES-2026-GENT-B", "RES-2025-GENT", "RES-2025-LIEGE", "RES-2026-LEUVEN"]);
    expect(await order("OVERDUE_TASKS", "DESC")).toEqual(["RES-2025-GENT", "RES-2025-LIEGE", "RES-2026-GENT-B", "RES-2026-LEUVEN"]);
    expect(await order("FUNDING_DUE", "ASC")).toEqual(["RES-2025-LIEGE", "RES-2026-LEUVEN", "RES-2026-GENT-B", "RES-2025-GENT"]);
    expect(await order("REFERENCE", "DESC")).toEqual(["RES-2026-LEUVEN", "RES-2026-GENT-B", "RES-2025-LIEGE", "RES-2025-GENT"]);

    const PAGE = `query($after: String) { programmeOverview { agreements(first: 2, after: $after, orderBy: { field: CAPACITY }) {
      totalCount pageInfo { hasNextPage endCursor } nodes { agreement { reference } figures { capacity } } } } }`;
    const first = (await t.gql(PAGE, {}, USERS.fedasilStaff)).data.programmeOverview.agreements;
    expect(first.nodes.map((n: { figures: { capacity: number } }) => n.figures.capacity)).toEqual([10, 20]);
    expect([first.totalCount, first.pageInfo.hasNextPage]).toEqual([4, true]);
    const second = (await t.gql(PAGE, { after: first.pageInfo.endCursor }, USERS.fedasilStaff)).data.programmeOverview.agreements;
    expect(references(second)).toEqual(["RES-2025-LIEGE", "RES-2025-GENT"]);
    expect(second.pageInfo.hasNextPage).toBe(false);

    const members = async (field: string) =>
      (await part(`members(orderBy: { field: ${field}, direction: DESC }) { nodes { organisation { name } } }`, null)).members.nodes.map((n: { organisation: { name: string } }) => n.organisation.name);
    expect(await members("FUNDING_DUE")).toEqual(["Vluchtelingenwerk Gent", "Stad Gent", "OCMW Gent", "CPAS de Liège", "Stad Leuven", "Caritas Liège"]);
    expect(await members("OVERDUE_TASKS")).toEqual(["Vluchtelingenwerk Gent", "OCMW Gent", "Caritas Liège", "CPAS de Liège", "Stad Gent", "Stad Leuven"]);
    expect(await members("NAME")).toEqual(["Vluchtelingenwerk Gent", "Stad Leuven", "Stad Gent", "OCMW Gent", "CPAS de Liège", "Caritas Liège"]);

    const ENDING = `query($after: String) { programmeOverview { endingAccompaniments(first: 1, after: $after) { pageInfo { hasNextPage endCursor } nodes { household { reference } } } } }`;
    const one = (await t.gql(ENDING, {}, USERS.fedasilStaff)).data.programmeOverview.endingAccompaniments;
    expect([one.nodes[0].household.reference, one.pageInfo.hasNextPage]).toEqual(["L-ACC", true]);
    const two = (await t.gql(ENDING, { after: one.pageInfo.endCursor }, USERS.fedasilStaff)).data.programmeOverview.endingAccompaniments;
    expect(two.nodes[0].household.reference).toBe("G-EXT");
  });

  it("adds the agreement rows up to the totals, and overdue tasks by member to the members', for any filter", async () => {
    const COUNTS = ["capacity", "personsPlanned", "personsInAccompaniment", "personsExtended", "personsCompleted", "personsExited", "households", "householdsDirect", "householdsViaReception", "overdueTasks"];
    const cents = (money: { amount: string }) => parseCents(money.amount)!;
    const sum = <T>(rows: T[], value: (row: T) => number) => rows.reduce((total, row) => total + value(row), 0);
    const day = fc.constantFrom(null, "2024-01-01", "2025-03-01", "2025-09-13", "2026-01-01", "2026-08-01");
    const filter = fc.record({
      periodFrom: day,
      periodTo: day,
      provinces: fc.option(fc.subarray(["EAST_FLANDERS", "LIEGE", "FLEMISH_BRABANT", "NAMUR"]), { nil: null }),
      organisationKinds: fc.option(fc.subarray(["CITY", "PCSW", "NGO", "OTHER"]), { nil: null }),
    }).filter((f) => f.periodFrom === null || f.periodTo === null || f.periodFrom <= f.periodTo);
    const viewer = fc.constantFrom(USERS.fedasilStaff, USERS.gentCoordinator, USERS.gentNgoStaff, USERS.liegeStaff);
    await fc.assert(
      fc.asyncProperty(filter, viewer, async (f, subject) => {
        const { totals, agreements, members, overdueTasksByMember } = await overview(subject, f);
        expect(agreements.totalCount).toBe(agreements.nodes.length);
        for (const field of COUNTS) expect(sum(agreements.nodes, (row: { figures: Record<string, number> }) => row.figures[field])).toBe(totals[field]);
        expect(sum(agreements.nodes, (row: { figures: { fundingDue: { amount: string } } }) => cents(row.figures.fundingDue))).toBe(cents(totals.fundingDue));
        expect(sum(agreements.nodes, (row: { figures: { fundingSettled: { amount: string } } }) => cents(row.figures.fundingSettled))).toBe(cents(totals.fundingSettled));
        const overdueOfMembers = sum(members.nodes, (row: { overdueTasks: number }) => row.overdueTasks);
        expect(sum(overdueTasksByMember, (row: { count: number }) => row.count)).toBe(overdueOfMembers);
        expect(overdueOfMembers).toBeLessThanOrEqual(totals.overdueTasks);
        expect(overdueTasksByMember.every((row: { count: number }) => row.count > 0)).toBe(true);
      }),
      { numRuns: 30 },
    );
  });

  it("refuses a period that ends before it starts", async () => {
    const res = await t.gql(OVERVIEW, { filter: { periodFrom: "2026-02-01", periodTo: "2026-01-31" } }, USERS.fedasilStaff);
    expect(res.data).toBeNull();
    expect(res.errors?.[0]).toMatchObject({ message: "periodTo must not be before periodFrom.", extensions: { code: "BAD_USER_INPUT" } });
  });

  it("refuses evaluators with FORBIDDEN and no data: they have report", async () => {
    const res = await t.gql(OVERVIEW, { first: 10 }, USERS.evaluator);
    expect(res.data).toBeNull();
    expect(res.errors).toHaveLength(1);
    expect(res.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(JSON.stringify(res)).not.toMatch(/RES-|G-ACC|Gent|Liège|\d{4}-\d\d-\d\d/);
  });

  it("costs the same few SQL statements for one row per list as for ten", async () => {
    // 12 statements of its own (viewer, totals, two per connection, overdue by member, durations) and one per loader
    // batch: agreements, templates, organisations (members, overdue by member), households (both ending lists). On
    // PostgreSQL sibling lists resolve concurrently, so those lists share an organisation or household batch or not.
    const fewest = 12 + 4;
    const most = 12 + 6;
    const one = await t.measure(OVERVIEW, { first: 1 }, USERS.fedasilStaff);
    const ten = await t.measure(OVERVIEW, { first: 10 }, USERS.fedasilStaff);
    expect(one.data.programmeOverview.agreements.nodes).toHaveLength(1);
    expect(ten.data.programmeOverview.agreements.nodes).toHaveLength(4);
    expect(ten.data.programmeOverview.members.nodes).toHaveLength(6);
    console.log(`programmeOverview, every field: first 1 costs ${one.statements} SQL statements, first 10 costs ${ten.statements}`);
    for (const { statements } of [one, ten]) {
      expect(statements).toBeGreaterThanOrEqual(fewest);
      expect(statements).toBeLessThanOrEqual(most);
    }
    if (t.app.db.embedded) expect(ten.statements).toBe(one.statements); // PGlite answers in a fixed order
  });
});
