import { type CaseContext, type Fixtures, gid, placeOf, today } from "./matrix-fixtures";
import type { Attempt } from "./matrix-runner";

/** How the matrix runs each root query field: its arguments, naming the case's object where the table gives one. */
export const QUERY_CASES: Record<string, (c: CaseContext) => Attempt> = {
  viewer: () => ({ args: {} }),
  node: ({ place }) => named(gid("Household", place.household), (id) => ({ id })),
  nodes: ({ place }) => named(gid("Household", place.household), (id) => ({ ids: [id] })),
  organisations: () => ({ args: {} }),
  consortia: ({ place }) => named(gid("Organisation", place.actor), (organisationId) => ({ filter: { organisationId } })),
  agreements: ({ place }) => named(gid("Consortium", place.consortium), (consortiumId) => ({ filter: { consortiumId } })),
  households: ({ place }) => named(gid("Agreement", place.agreement), (agreementId) => ({ filter: { agreementId } })),
  tasks: ({ place }) => named(gid("Household", place.household), (householdId) => ({ filter: { householdId } })),
  taskTemplates: () => ({ args: {} }),
  fundingRateSchedules: () => ({ args: {} }),
  fundingStatement: ({ place }) => named(gid("Agreement", place.agreement), (agreementId) => ({ filter: { agreementId, periodFrom: today(), periodTo: today() } })),
  programmeOverview: ({ place }) => named(gid("Agreement", place.agreement), (id) => ({ filter: { agreementIds: [id] } })),
  report: ({ place }) => named(gid("Agreement", place.agreement), (id) => ({ definition: { dimensions: ["AGREEMENT"], measures: ["HOUSEHOLDS"], filter: { agreementIds: [id] } } })),
  savedReports: () => ({ args: {} }),
  auditEvents: ({ place }) => named(gid("Household", place.household), (subjectId) => ({ filter: { subjectId } })),
};

const named = (object: string, args: (id: string) => Record<string, unknown>): Attempt => ({ object, args: args(object) });

/** What the queries need to find of each world household: a task, a funding line due today, a change in its audit trail. */
export async function seedQueryObjects(fixtures: Fixtures): Promise<void> {
  for (const side of ["own", "other"] as const) {
    const place = placeOf(fixtures.world, "PARTNER_STAFF", side);
    await fixtures.task(place, place.household);
    await fixtures.fundingLine(place, place.household);
    await fixtures.auditEvent(place, place.household);
  }
}
