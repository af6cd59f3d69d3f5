import { toGlobalId } from "../../../../src/graphql/global-id";
import { type TestApp, startTestApp } from "../../../support/test-app";
import { USERS, type World, seedWorld } from "../../../support/world";
import { insertLines, seedStatementFixture } from "./statement-fixture";

const FIGURES = `
  query Statement($filter: FundingStatementFilter!) {
    fundingStatement(filter: $filter) {
      period { from to }
      totals { due { amount currencyCode } settled { amount } unsettled { amount } lineCount }
      byKind { kind amount { amount } lineCount }
      byMember { organisation { name } due { amount } settled { amount } unsettled { amount } lineCount }
      byAgreement { agreement { reference } due { amount } settled { amount } unsettled { amount } lineCount }
    }
  }`;

const LINES = `
  query Lines($filter: FundingStatementFilter!, $first: Int, $after: String) {
    fundingStatement(filter: $filter) {
      lines(first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes { lineId householdReference kind explanation dueOn amount { amount } settledOn allocation { amount } agreement { reference } }
      }
    }
  }`;

const YEAR = { periodFrom: "2026-01-01", periodTo: "2026-12-31" };
const money = (amount: string) => ({ amount });
const figures = (due: string, settled: string, unsettled: string, lineCount: number) => ({ due: money(due), settled: money(settled), unsettled: money(unsettled), lineCount });
const kind = (name: string, amount: string, lineCount: number) => ({ kind: name, amount: money(amount), lineCount });
const member = (name: string, ...rest: Parameters<typeof figures>) => ({ organisation: { name }, ...figures(...rest) });
const agreement = (reference: string, ...rest: Parameters<typeof figures>) => ({ agreement: { reference }, ...figures(...rest) });

// Worked out by hand from the fixture's table (statement-fixture.ts), not by the code under test.
const GENT = {
  totals: { ...figures("14399.99", "9000.00", "5399.99", 6), due: { amount: "14399.99", currencyCode: "EUR" } },
  byKind: [kind("BASE", "12000.00", 3), kind("DIRECT_ARRIVAL_HEAD", "2000.00", 1), kind("DIRECT_ARRIVAL_MEMBER", "500.00", 1), kind("ADJUSTMENT", "-100.01", 1)],
  byMember: [
    member("OCMW Gent", "3100.00", "2500.00", "600.00", 6),
    member("Stad Gent", "6699.99", "4000.00", "2699.99", 6),
    member("Vluchtelingenwerk Gent", "4600.00", "2500.00", "2100.00", 6),
  ],
  byAgreement: [agreement("RES-2025-GENT", "11399.99", "9000.00", "2399.99", 5), agreement("RES-2026-GENT-B", "3000.00", "0.00", "3000.00", 1)],
};
const LIEGE = {
  totals: figures("6250.00", "6000.00", "250.00", 2),
  byKind: [kind("BASE", "6000.00", 1), kind("ADJUSTMENT", "250.00", 1)],
  byMember: [member("Caritas Liège", "3125.00", "3000.00", "125.00", 2), member("CPAS de Liège", "3125.00", "3000.00", "125.00", 2)],
  byAgreement: [agreement("RES-2025-LIEGE", "6250.00", "6000.00", "250.00", 2)],
};
const ALL = {
  totals: figures("20649.99", "15000.00", "5649.99", 8),
  byKind: [kind("BASE", "18000.00", 4), kind("DIRECT_ARRIVAL_HEAD", "2000.00", 1), kind("DIRECT_ARRIVAL_MEMBER", "500.00", 1), kind("ADJUSTMENT", "149.99", 2)],
  byMember: [LIEGE.byMember[0], LIEGE.byMember[1], ...GENT.byMember],
  byAgreement: [GENT.byAgreement[0], LIEGE.byAgreement[0], GENT.byAgreement[1]],
};
const EMPTY = { totals: figures("0.00", "0.00", "0.00", 0), byKind: [], byMember: [], byAgreement: [] };

describe("fundingStatement", () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t.app.db);
    await seedStatementFixture(t.app.db, world);
  });
  afterAll(() => t.close());

  const statement = async (filter: Record<string, unknown>, subject: string, query = FIGURES) => {
    const res = await t.gql(query, { filter, first: 100 }, subject);
    expect(res.errors).toBeUndefined();
    return res.data.fundingStatement;
  };
  const organisationId = (key: string) => toGlobalId("Organisation", key);
  const agreementId = (key: string) => toGlobalId("Agreement", key);

  it("gives a Gent partner Gent's figures only, by kind, member and agreement", async () => {
    for (const subject of [USERS.gentStaff, USERS.gentCoordinator]) {
      expect(await statement(YEAR, subject)).toEqual({ period: { from: "2026-01-01", to: "2026-12-31" }, ...GENT });
    }
    expect(await statement(YEAR, USERS.liegeCoordinator)).toMatchObject(LIEGE);
  });

  it("treats another consortium's organisation or agreement, or a malformed id, as unknown: an empty statement", async () => {
    for (const filter of [
      { ...YEAR, organisationId: organisationId(world.organisations.liegePcsw) },
      { ...YEAR, agreementId: agreementId(world.agreements.liege) },
      { ...YEAR, organisationId: "not-an-id" },
      { ...YEAR, agreementId: organisationId(world.organisations.gentCity) },
    ]) {
      expect(await statement(filter, USERS.gentStaff)).toMatchObject(EMPTY);
      expect((await statement(filter, USERS.gentStaff, LINES)).lines).toMatchObject({ totalCount: 0, nodes: [] });
    }
  });

  it("names each member and agreement with every field, as node(id) would (they are read with the figures)", async () => {
    const ORGANISATION = "id version kind name enterpriseNumber postalCode municipality province";
    const AGREEMENT = "id version reference status signedOn startsOn endsOn capacity";
    const answer = await t.gql(
      `query($filter: FundingStatementFilter!) { fundingStatement(filter: $filter) { byMember { organisation { ${ORGANISATION} } } byAgreement { agreement { ${AGREEMENT} } } } }`,
      { filter: YEAR },
      USERS.fedasilStaff,
    );
    expect(answer.errors).toBeUndefined();
    const { byMember, byAgreement } = answer.data!.fundingStatement;
    expect(byMember).toHaveLength(ALL.byMember.length);
    expect(byAgreement).toHaveLength(ALL.byAgreement.length);
    const byId = async (id: string, fields: string) => (await t.gql(`query($id: ID!) { node(id: $id) { ... on Node { ${fields} } } }`, { id }, USERS.fedasilStaff)).data!.node;
    for (const { organisation } of byMember) expect(organisation).toEqual(await byId(organisation.id, `... on Organisation { ${ORGANISATION} }`));
    for (const { agreement } of byAgreement) expect(agreement).toEqual(await byId(agreement.id, `... on Agreement { ${AGREEMENT} }`));
  });

  it("reads of those members and agreements only the columns their selected fields need", async () => {
    const select = jest.spyOn(t.app.db, "select");
    const figuresSqlOf = async (fields: string) => {
      select.mockClear();
      const answer = await t.gql(`query($filter: FundingStatementFilter!) { fundingStatement(filter: $filter) { ${fields} } }`, { filter: YEAR }, USERS.fedasilStaff);
      expect(answer.errors).toBeUndefined();
      return select.mock.calls.map(([sql]) => sql).find((sql) => sql.includes("statement_line"))!;
    };
    try {
      const few = await figuresSqlOf("byMember { organisation { id name } } byAgreement { agreement { id } }");
      expect(few).toContain('organisation.name AS "organisation.name"');
      expect(few).not.toMatch(/organisation\.(enterprise_number|province) AS/);
      expect(few).not.toMatch(/agreement\.(reference|capacity) AS/);
      const more = await figuresSqlOf("byMember { organisation { enterpriseNumber } } byAgreement { agreement { reference } }");
      expect(more).toContain('organisation.enterprise_number AS "organisation.enterpriseNumberDigits"');
      expect(more).toContain('agreement.reference AS "agreement.reference"');
    } finally {
      select.mockRestore();
    }
  });

  it("shows Fedasil staff and admins every partner side by side", async () => {
    for (const subject of [USERS.fedasilStaff, USERS.fedasilAdmin]) {
      expect(await statement(YEAR, subject)).toMatchObject(ALL);
      expect(await statement({ ...YEAR, agreementId: agreementId(world.agreements.liege) }, subject)).toMatchObject(LIEGE);
    }
  });

  it("gives a member's statement: its shares across its agreements, with its allocation on each line", async () => {
    const filter = { ...YEAR, organisationId: organisationId(world.organisations.gentCity) };
    expect(await statement(filter, USERS.gentStaff)).toMatchObject({
      totals: figures("6699.99", "4000.00", "2699.99", 6),
      byKind: [kind("BASE", "5500.00", 3), kind("DIRECT_ARRIVAL_HEAD", "1000.00", 1), kind("DIRECT_ARRIVAL_MEMBER", "250.00", 1), kind("ADJUSTMENT", "-50.01", 1)],
      byMember: [GENT.byMember[1]],
      byAgreement: [agreement("RES-2025-GENT", "5199.99", "4000.00", "1199.99", 5), agreement("RES-2026-GENT-B", "1500.00", "0.00", "1500.00", 1)],
    });
    const { lines } = await statement(filter, USERS.fedasilStaff, LINES);
    const shares = lines.nodes.map((l: { dueOn: string; kind: string; amount: { amount: string }; allocation: { amount: string } }) => `${l.dueOn} ${l.kind} ${l.amount.amount} ${l.allocation.amount}`);
    expect(shares.sort()).toEqual([
      "2026-01-01 BASE 3000.00 1000.00",
      "2026-03-01 BASE 6000.00 3000.00",
      "2026-03-01 DIRECT_ARRIVAL_HEAD 2000.00 1000.00",
      "2026-03-01 DIRECT_ARRIVAL_MEMBER 500.00 250.00",
      "2026-06-15 BASE 3000.00 1500.00",
      "2026-12-31 ADJUSTMENT -100.01 -50.01",
    ]);
    // A member with a zero share of a line still has that line on its statement.
    const pcsw = await statement({ ...YEAR, organisationId: organisationId(world.organisations.gentPcsw) }, USERS.gentStaff);
    expect(pcsw.totals).toMatchObject(figures("3100.00", "2500.00", "600.00", 6));
  });

  it("splits settled from unsettled, and filters on it", async () => {
    expect(await statement({ ...YEAR, settled: true }, USERS.gentStaff)).toMatchObject({
      totals: figures("9000.00", "9000.00", "0.00", 2),
      byKind: [kind("BASE", "9000.00", 2)],
    });
    expect(await statement({ ...YEAR, settled: false }, USERS.gentStaff)).toMatchObject({
      totals: figures("5399.99", "0.00", "5399.99", 4),
      byAgreement: [agreement("RES-2025-GENT", "2399.99", "0.00", "2399.99", 3), agreement("RES-2026-GENT-B", "3000.00", "0.00", "3000.00", 1)],
    });
  });

  it("counts lines by due date with both ends of the period inclusive, negative adjustments with their sign", async () => {
    const day = async (date: string) => (await statement({ periodFrom: date, periodTo: date }, USERS.gentStaff)).totals;
    expect(await day("2026-01-01")).toMatchObject(figures("3000.00", "3000.00", "0.00", 1));
    expect(await day("2026-12-31")).toMatchObject(figures("-100.01", "0.00", "-100.01", 1));
    expect(await day("2027-01-01")).toMatchObject(figures("600.00", "0.00", "600.00", 1));
    expect(await day("2025-12-31")).toMatchObject(figures("2000.00", "0.00", "2000.00", 1));
    const wider = await statement({ periodFrom: "2025-12-31", periodTo: "2027-01-01" }, USERS.gentStaff);
    expect(wider.totals).toMatchObject(figures("16999.99", "9000.00", "7999.99", 8));
  });

  it("lists the lines by due date, page by page, with references and explanations", async () => {
    const first = (await statement(YEAR, USERS.gentCoordinator, LINES)).lines;
    expect(first.totalCount).toBe(6);
    expect(first.nodes.map((l: { dueOn: string }) => l.dueOn)).toEqual(["2026-01-01", "2026-03-01", "2026-03-01", "2026-03-01", "2026-06-15", "2026-12-31"]);
    expect(first.nodes[0]).toEqual({
      lineId: expect.any(String),
      householdReference: "HH-GENT-2",
      kind: "BASE",
      explanation: "1 x BASE",
      dueOn: "2026-01-01",
      amount: money("3000.00"),
      settledOn: "2026-02-01",
      allocation: null,
      agreement: { reference: "RES-2025-GENT" },
    });
    expect(first.nodes[5]).toMatchObject({ kind: "ADJUSTMENT", amount: money("-100.01"), settledOn: null, explanation: 'Correction, "second" child born after arrival' });
    const res = await t.gql(LINES, { filter: YEAR, first: 4 }, USERS.gentCoordinator);
    const next = await t.gql(LINES, { filter: YEAR, first: 4, after: res.data.fundingStatement.lines.pageInfo.endCursor }, USERS.gentCoordinator);
    const paged = [...res.data.fundingStatement.lines.nodes, ...next.data.fundingStatement.lines.nodes];
    expect(paged.map((l: { lineId: string }) => l.lineId)).toEqual(first.nodes.map((l: { lineId: string }) => l.lineId));
    expect(next.data.fundingStatement.lines.pageInfo.hasNextPage).toBe(false);
    const liege = (await statement(YEAR, USERS.fedasilAdmin, LINES)).lines.nodes.find((l: { amount: { amount: string } }) => l.amount.amount === "250.00");
    expect(liege).toMatchObject({ householdReference: null, kind: "ADJUSTMENT", agreement: { reference: "RES-2025-LIEGE" } });
  });

  it("refuses evaluators: small agreements' figures would give away how many persons they received", async () => {
    const res = await t.gql(`query($filter: FundingStatementFilter!) { fundingStatement(filter: $filter) {
        totals { due { amount } lineCount } byAgreement { due { amount } } lines { totalCount nodes { householdReference } } } }`, { filter: YEAR }, USERS.evaluator);
    expect(res.errors).toEqual([expect.objectContaining({ path: ["fundingStatement"], extensions: expect.objectContaining({ code: "FORBIDDEN" }) })]);
    expect(res.data).toBeNull();
  });

  it("refuses a period that ends before it starts, an invalid day and an anonymous caller", async () => {
    const backwards = await t.gql(FIGURES, { filter: { periodFrom: "2026-02-01", periodTo: "2026-01-31" } }, USERS.fedasilAdmin);
    expect(backwards.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    const invalid = await t.gql(FIGURES, { filter: { periodFrom: "2026-02-30", periodTo: "2026-03-31" } }, USERS.fedasilAdmin);
    expect(invalid.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    const anonymous = await t.gql(FIGURES, { filter: YEAR });
    expect(anonymous.status).toBe(401);
  });

  it("costs the same number of SQL statements for 3 lines as for 43", async () => {
    const FULL = `query Full($filter: FundingStatementFilter!) { fundingStatement(filter: $filter) {
        totals { due { amount } lineCount } byKind { kind amount { amount } }
        byMember { organisation { name } due { amount } } byAgreement { agreement { reference } due { amount } }
        lines(first: 100) { totalCount nodes { lineId householdReference kind dueOn amount { amount } allocation { amount } agreement { reference } } } } }`;
    const period = { periodFrom: "2030-01-01", periodTo: "2030-12-31" };
    const adjustments = (count: number, agreementKey: string) =>
      Array.from({ length: count }, (_, i) => ({
        agreement: agreementKey,
        household: agreementKey === world.agreements.gent ? world.households.gent : null,
        kind: "ADJUSTMENT" as const,
        quantity: 1,
        cents: 1000 + i,
        dueOn: `2030-0${1 + (i % 9)}-15`,
        allocations: [[world.organisations.gentCity, 1000 + i]] as Array<[string, number]>,
      }));
    const measure = async () => ({
      fedasil: (await t.measure(FULL, { filter: period }, USERS.fedasilAdmin)).statements,
      member: (await t.measure(FULL, { filter: { ...period, organisationId: organisationId(world.organisations.gentCity) } }, USERS.gentStaff)).statements,
    });
    await insertLines(t.app.db, world, adjustments(3, world.agreements.gent));
    const few = await measure();
    await insertLines(t.app.db, world, [...adjustments(20, world.agreements.gent), ...adjustments(20, world.agreements.liege)]);
    const many = await measure();
    const check = await statement(period, USERS.fedasilAdmin, FULL);
    expect(check.lines.totalCount).toBe(43);
    expect(check.lines.nodes).toHaveLength(43);
    console.log(`fundingStatement with figures and lines: 3 lines -> ${JSON.stringify(few)} SQL statements; 43 lines -> ${JSON.stringify(many)}`);
    expect(many).toEqual(few);
  });
});
