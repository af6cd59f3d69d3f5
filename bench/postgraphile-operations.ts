import type { Picks } from "./operations";
import { HOUSEHOLD_PAGE_SIZE, HOUSEHOLD_TASKS, MY_WORK_SIZE } from "./operations";

/**
 * What a client of PostGraphile 5 (amber preset, schema generated from thuis's tables) sends for
 * the same data as (a), (b) and (c). Amber has no aggregates and its `condition` only tests
 * equality on indexed columns, so (b) asks for each open status apart and (c) for the quarter's
 * lines with their allocations, leaving the sums to the client. The quarter is a range of the
 * lines in due-date order: after the cursor of the last line due before it (the fastest way
 * PostGraphile pages, an index range; an offset was 2 to 3 times slower), as many as it holds. Person-tasks (school enrolment) get no child's name: the task's person is no foreign key.
 */
export interface PostGraphileRequest {
  query: string;
  variables: Record<string, unknown>;
}

/** (a) The first page by reference with every member, home and the first tasks by due date. */
const HOUSEHOLD_PAGE = `query HouseholdPage {
  allHouseholds(first: ${HOUSEHOLD_PAGE_SIZE}, orderBy: [REFERENCE_ASC]) {
    nodes {
      rowId reference status arrivalRoute arrivedOn accompanimentEndsOn
      peopleByHouseholdId { nodes { rowId givenName familyName birthDate relationship resettled } }
      accommodationsByHouseholdId(orderBy: [AVAILABLE_FROM_ASC]) { nodes { rowId streetAddress postalCode municipality availableFrom availableUntil } }
      tasksByHouseholdId(first: ${HOUSEHOLD_TASKS}, orderBy: [DUE_ON_ASC, PRIMARY_KEY_ASC]) {
        nodes { rowId title category status dueOn taskTemplateByTemplateId { titleEn } organisationByAssigneeOrganisationId { rowId name } }
      }
    }
  }
}`;

/** (b) The first tasks of each open status; the client merges them by due date and keeps the first 50. */
const openWork = (alias: string, status: string) =>
  `${alias}: allTasks(first: $first, condition: { assigneeOrganisationId: $organisation, status: "${status}" }, orderBy: [DUE_ON_ASC, PRIMARY_KEY_ASC]) { nodes { ...Work } }`;
const MY_WORK = `query MyWork($organisation: UUID!, $first: Int!) {
  ${openWork("open", "OPEN")}
  ${openWork("inProgress", "IN_PROGRESS")}
  ${openWork("blocked", "BLOCKED")}
}
fragment Work on Task {
  rowId title category status dueOn
  taskTemplateByTemplateId { titleEn }
  householdByHouseholdId { rowId reference }
  agreementByAgreementId { rowId reference }
}`;

/** (c) The quarter's lines of the agreement: those after the last line due before it, as many as it holds. */
const AGREEMENT_FUNDING = `query AgreementFunding($agreement: UUID!, $after: Cursor, $first: Int!) {
  allFundingLines(condition: { agreementId: $agreement }, orderBy: [DUE_ON_ASC, PRIMARY_KEY_ASC], after: $after, first: $first) {
    nodes {
      rowId kind amountCents dueOn settledOn
      fundingAllocationsByFundingLineId { nodes { amountCents organisationByOrganisationId { rowId name } } }
    }
  }
}`;

/**
 * The cursor of the agreement's last line due before the quarter (null when none is), asked of
 * PostGraphile once: `linesBefore` lines come before the quarter in due-date order.
 */
export async function quarterCursor(url: string, picks: Picks): Promise<string | null> {
  const { agreementKey, linesBefore } = picks.funding;
  if (linesBefore === 0) return null;
  const query = `query LastLineBefore($agreement: UUID!, $offset: Int!) {
    allFundingLines(condition: { agreementId: $agreement }, orderBy: [DUE_ON_ASC, PRIMARY_KEY_ASC], offset: $offset, first: 1) { edges { cursor } }
  }`;
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables: { agreement: agreementKey, offset: linesBefore - 1 } }),
  });
  const body = (await response.json()) as { data?: { allFundingLines: { edges: Array<{ cursor: string }> } } };
  const cursor = body.data?.allFundingLines.edges[0]?.cursor;
  if (!cursor) throw new Error(`PostGraphile gave no cursor for the quarter: ${JSON.stringify(body).slice(0, 300)}`);
  return cursor;
}

/** The request for (a), (b) or (c); (c) needs the quarter's cursor (see quarterCursor). */
export function postGraphileRequest(name: "a" | "b" | "c", picks: Picks, cursor: string | null): PostGraphileRequest {
  switch (name) {
    case "a":
      return { query: HOUSEHOLD_PAGE, variables: {} };
    case "b":
      return { query: MY_WORK, variables: { organisation: picks.myWork.organisationKey, first: MY_WORK_SIZE } };
    case "c": {
      const { agreementKey, linesInPeriod } = picks.funding;
      return { query: AGREEMENT_FUNDING, variables: { agreement: agreementKey, after: cursor, first: linesInPeriod } };
    }
  }
}
