import { toGlobalId } from "../../../src/graphql/global-id";
import type { ReportDefinitionInput } from "../../../src/modules/reports/report-definition.inputs";
import { attributesOrganisation, definitionProblem, familyOf } from "../../../src/modules/reports/report-families";
import { type ReportSqlContext, reportSql } from "../../../src/modules/reports/report-sql";
import { ReportDimension, ReportMeasure } from "../../../src/modules/reports/report-vocabulary";

const ALL: ReportSqlContext = { scope: { all: true }, today: "2026-11-23", language: "en", limit: 10002, countsHouseholds: true };
const PARTNER: ReportSqlContext = { ...ALL, scope: { all: false, consortiumIds: ["c1"] } };
const AGREEMENT = "11111111-1111-4111-8111-111111111111";

const definition = (dimensions: string[], measures: string[], filter: ReportDefinitionInput["filter"] = null): ReportDefinitionInput =>
  ({ dimensions: dimensions as ReportDimension[], measures: measures as ReportMeasure[], filter }) as ReportDefinitionInput;
const count = (text: string, part: string) => text.split(part).length - 1;

describe("reportSql", () => {
  it("aggregates one family by its dimensions and the totals in one statement, without attribution when none is asked", () => {
    const { sql, params } = reportSql(definition(["ARRIVAL_QUARTER", "ARRIVAL_ROUTE"], ["HOUSEHOLDS", "PERSONS"]), ALL);
    expect(sql).not.toContain(";");
    expect(count(sql, "GROUP BY GROUPING SETS ((d0, d1), ())")).toBe(1);
    // Facts keep the quarter's first instant; only the groups are written out.
    expect(sql).toContain("date_trunc('quarter', CAST(h.arrived_on AS timestamp)) AS d0");
    expect(sql).toContain(`to_char(d0, 'YYYY-"Q"Q') AS d0_key`);
    // Persons are counted per household before the join, and no aggregate is DISTINCT.
    expect(sql).toContain("FROM person sp GROUP BY sp.household_id) size ON size.household_id = h.id");
    expect(sql).toContain("sum(persons)");
    expect(sql).not.toContain("DISTINCT");
    expect(sql).not.toMatch(/consortium_membership|organisation o|FULL JOIN|scope_agreement/);
    expect(sql).toMatch(/ORDER BY total DESC, lower\(d0_label\) NULLS LAST, d0_key, lower\(d1_label\) NULLS LAST, d1_key\s+LIMIT :limit/);
    expect(params).toMatchObject({ today: "2026-11-23", limit: 10002 });
  });

  it("attributes each family to organisations for an organisation dimension or filter", () => {
    const byProvince = reportSql(definition(["PROVINCE"], ["HOUSEHOLDS", "TASKS", "FUNDING_DUE"]), ALL).sql;
    // Households meet each province once: the members' memberships are grouped by it.
    expect(byProvince).toContain("SELECT m.consortium_id, o.province AS d0, max(COALESCE(m.left_on, 'infinity')) AS until");
    expect(byProvince).toContain("GROUP BY m.consortium_id, o.province) member");
    expect(byProvince).toContain("member.until > COALESCE(h.accompaniment_starts_on, CAST(:today AS date))");
    // ...and count once in the totals, on their first fact.
    expect(byProvince).toContain("CASE WHEN GROUPING(d0) <> 0 THEN count(*) FILTER (WHERE first) ELSE count(*) END AS households");
    expect(byProvince).toContain("JOIN organisation o ON o.id = t.assignee_organisation_id");
    expect(byProvince).toContain("JOIN funding_allocation fa ON fa.funding_line_id = l.id");
    expect(byProvince).toContain("fa.amount_cents AS amount_cents");
    const filtered = reportSql(definition([], ["FUNDING_DUE"], { organisationKinds: ["NGO"] } as never), ALL);
    expect(filtered.sql).toContain("o.kind = ANY(CAST(:organisationKinds AS text[]))");
    expect(filtered.sql).toContain("fa.amount_cents AS amount_cents");
    expect(reportSql(definition(["AGREEMENT"], ["FUNDING_DUE"]), ALL).sql).toContain("l.amount_cents AS amount_cents");
    // Households take the organisation filters among the members sharing them.
    const households = reportSql(definition(["ARRIVAL_YEAR"], ["HOUSEHOLDS"], { provinces: ["LIEGE"] } as never), ALL).sql;
    expect(households).toMatch(/JOIN organisation o ON o.id = m.organisation_id\s+WHERE o.province = ANY\(CAST\(:provinces AS text\[\]\)\)\s+GROUP BY m.consortium_id\) member/);
    expect(households).not.toContain("FILTER (WHERE first)");
  });

  it("joins the families present on their dimension keys, none meeting none", () => {
    const { sql } = reportSql(definition(["AGREEMENT"], ["HOUSEHOLDS", "TASKS", "FUNDING_SETTLED"]), ALL);
    expect(count(sql, "GROUPING SETS")).toBe(3);
    expect(count(sql, "FULL JOIN")).toBe(2);
    expect(sql).toContain("FULL JOIN task_figures ON task_figures.total = household_figures.total AND COALESCE(task_figures.d0_key, '') = COALESCE(household_figures.d0_key, '')");
    expect(sql).toContain("COALESCE(funding_figures.d0_key, '') = COALESCE(household_figures.d0_key, task_figures.d0_key, '')");
    for (const family of ["household", "task", "funding"]) expect(sql).toContain(`COALESCE(${family}_figures.households, 0) AS ${family}_households`);
  });

  it("counts the distinct households of tasks and funding only to withhold small counts", () => {
    const definitionByProvince = definition(["PROVINCE"], ["TASKS", "FUNDING_DUE"]);
    expect(count(reportSql(definitionByProvince, ALL).sql, "count(DISTINCT household_id) AS households")).toBe(2);
    const { sql } = reportSql(definitionByProvince, { ...ALL, countsHouseholds: false });
    expect(sql).not.toContain("DISTINCT");
    expect(count(sql, "CAST(NULL AS bigint) AS households")).toBe(2);
  });

  it("answers the totals alone without dimensions", () => {
    const { sql } = reportSql(definition([], ["TASKS", "MEDIAN_DAYS_TO_COMPLETE"]), ALL);
    expect(sql).toContain("TRUE AS total");
    expect(sql).not.toContain("GROUP BY");
    expect(sql).toContain("percentile_cont(0.5)");
    expect(sql).toMatch(/task_figures\."MEDIAN_DAYS_TO_COMPLETE" AS "MEDIAN_DAYS_TO_COMPLETE"/);
  });

  it("scopes partners to their consortia's agreements", () => {
    const { sql, params } = reportSql(definition(["AGREEMENT"], ["HOUSEHOLDS", "TASKS"]), PARTNER);
    expect(count(sql, "a.id IN (SELECT scope_agreement.id FROM agreement scope_agreement WHERE scope_agreement.consortium_id = ANY(:scopeConsortia))")).toBe(2);
    expect(params.scopeConsortia).toEqual(["c1"]);
  });

  it("keeps the keys of ids of the right type only, and names every parameter it uses", () => {
    const filter = {
      agreementIds: [toGlobalId("Agreement", AGREEMENT), toGlobalId("Organisation", AGREEMENT), "nonsense"],
      arrivedFrom: "2025-01-01",
      taskStatuses: ["DONE"],
    };
    const { sql, params } = reportSql(definition(["TASK_TEMPLATE"], ["TASKS", "OVERDUE_TASKS"], filter as never), { ...PARTNER, language: "fr" });
    expect(params.agreements).toEqual([AGREEMENT]);
    expect(sql).toContain("tt.title_fr AS d0_label");
    for (const [, name] of sql.matchAll(/:([A-Za-z]\w*)/g)) expect(params).toHaveProperty(name);
  });

  it("never reads a person's name, birth date or a household's reference", () => {
    const every = reportSql(definition(Object.values(ReportDimension).filter((d) => !d.startsWith("TASK_")).slice(0, 4), Object.values(ReportMeasure).filter((m) => familyOf(m) !== "task")), ALL);
    const tasks = reportSql(definition(["TASK_TEMPLATE", "TASK_STATUS", "HOUSEHOLD_SIZE_BAND", "ARRIVAL_MONTH"], ["TASKS", "SHARE_DONE_ON_TIME", "MEDIAN_DAYS_TO_COMPLETE"]), ALL);
    for (const { sql } of [every, tasks]) expect(sql).not.toMatch(/given_name|family_name|birth_date|h\.reference/);
  });
});

describe("report definitions", () => {
  it("refuses task dimensions and filters with other measures, naming both", () => {
    expect(definitionProblem(definition(["TASK_STATUS"], ["TASKS", "PERSONS"]))).toBe("The dimension TASK_STATUS goes with task measures only, not with PERSONS: remove one of them.");
    expect(definitionProblem(definition([], ["FUNDING_DUE"], { taskCategories: [] } as never))).toBe("The filter taskCategories goes with task measures only, not with FUNDING_DUE: remove one of them.");
    expect(definitionProblem(definition(["TASK_STATUS", "PROVINCE"], ["TASKS", "SHARE_DONE_ON_TIME"], { taskStatuses: ["DONE"] } as never))).toBeNull();
    expect(definitionProblem(definition(["PROVINCE"], ["HOUSEHOLDS", "FUNDING_DUE"]))).toBeNull();
  });

  it("attributes facts to organisations only when a dimension or filter asks", () => {
    expect(attributesOrganisation(definition(["AGREEMENT", "ARRIVAL_MONTH"], ["HOUSEHOLDS"]))).toBe(false);
    expect(attributesOrganisation(definition(["ORGANISATION_KIND"], ["HOUSEHOLDS"]))).toBe(true);
    expect(attributesOrganisation(definition([], ["HOUSEHOLDS"], { provinces: ["LIEGE"] } as never))).toBe(true);
  });
});
