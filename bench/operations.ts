import { toGlobalId } from "../src/graphql/global-id";

/**
 * The five reference operations of the benchmark (issue 6), as a client of thuis sends them.
 * Tests import the same documents to check that each runs a constant number of SQL statements.
 * Page sizes are literals where a variable would make the cost limit assume 100 per page.
 */
export type OperationName = "a" | "b" | "c" | "d" | "e";
export const OPERATION_NAMES: readonly OperationName[] = ["a", "b", "c", "d", "e"];

export const HOUSEHOLD_PAGE_SIZE = 20;
/** Tasks shown per household on the page: a household's whole path fits (about 15 tasks). */
export const HOUSEHOLD_TASKS = 50;
export const MY_WORK_SIZE = 50;

/** (a) A page of households with their members, current home and tasks (as Fedasil staff). */
export function householdPageDocument(pageSize = HOUSEHOLD_PAGE_SIZE, tasksPerHousehold = HOUSEHOLD_TASKS): string {
  return `query HouseholdPage {
  households(first: ${pageSize}) {
    nodes {
      id reference status arrivalRoute arrivedOn accompanimentEndsOn
      persons { id givenName familyName birthDate relationship resettled }
      accommodation { id streetAddress postalCode municipality availableFrom availableUntil }
      tasks(first: ${tasksPerHousehold}) {
        nodes { id title category status dueOn assigneeOrganisation { id name } }
      }
    }
  }
}`;
}
export const HOUSEHOLD_PAGE = householdPageDocument();

/** (b) "My work": the open tasks of the viewer's organisation, most urgent first. */
export const MY_WORK = `query MyWork($first: Int!) {
  tasks(first: $first, filter: { assignedToMyOrganisation: true, statuses: [OPEN, IN_PROGRESS, BLOCKED] }, orderBy: { field: DUE_ON, direction: ASC }) {
    nodes { id title category status dueOn isOverdue household { id reference } agreement { id reference } }
  }
}`;

/** (c) One agreement's funding for a period, by member and by kind (as Fedasil staff). */
export const AGREEMENT_FUNDING = `query AgreementFunding($agreementId: ID!, $from: Date!, $to: Date!) {
  fundingStatement(filter: { agreementId: $agreementId, periodFrom: $from, periodTo: $to }) {
    totals { lineCount due { amount currencyCode } }
    byMember { organisation { id name } lineCount due { amount } settled { amount } unsettled { amount } }
    byKind { kind lineCount amount { amount currencyCode } }
  }
}`;

/** (d) An evaluator's report: persons by province and arrival quarter, small counts withheld. */
export const PERSONS_BY_PROVINCE_AND_QUARTER = `query PersonsByProvinceAndQuarter {
  report(definition: { dimensions: [PROVINCE, ARRIVAL_QUARTER], measures: [PERSONS] }) {
    suppressionThreshold suppressedCellCount
    rows { dimensions { key label } measures { value suppressed } }
    totals { measures { value suppressed } }
  }
}`;

/** (e) A write: a PLANNED household arrives; its tasks and funding lines are created. */
export const REGISTER_ARRIVAL = `mutation RegisterArrival($input: RegisterArrivalInput!) {
  registerArrival(input: $input) {
    household { id status accompanimentStartsOn accompanimentEndsOn tasks(first: 1) { totalCount } fundingLines { kind amount { amount } } }
    userErrors { field message code }
  }
}`;

export interface ReferenceOperation {
  name: OperationName;
  title: string;
  document: string;
}

export const OPERATIONS: Readonly<Record<OperationName, ReferenceOperation>> = {
  a: { name: "a", title: `${HOUSEHOLD_PAGE_SIZE} households with members, home and tasks`, document: HOUSEHOLD_PAGE },
  b: { name: "b", title: `my work: ${MY_WORK_SIZE} most urgent open tasks`, document: MY_WORK },
  c: { name: "c", title: "agreement funding for a quarter by member and kind", document: AGREEMENT_FUNDING },
  d: { name: "d", title: "evaluator report: persons by province and quarter", document: PERSONS_BY_PROVINCE_AND_QUARTER },
  e: { name: "e", title: "registerArrival of a PLANNED household", document: REGISTER_ARRIVAL },
};

/** Who asks and with what, chosen from the seeded database (keys are uuids). */
export interface Picks {
  today: string;
  /** (a), (c): a Fedasil staff member, who sees every household. */
  fedasilSubject: string;
  /** (b): the member organisation with the most open tasks, and one of its partner users. */
  myWork: { subject: string; organisationKey: string };
  /** (c): the agreement with the most funding lines and its busiest quarter. */
  funding: { agreementKey: string; from: string; to: string; linesBefore: number; linesInPeriod: number };
  /** (d) */
  evaluatorSubject: string;
  /** (e): an ACTIVE agreement whose PLANNED households a coordinator of its lead member registers. */
  arrivals: { subject: string; agreementKey: string };
}

/** A thuis request: the user whose token it carries and the variables. */
export interface ThuisRequest {
  subject: string;
  variables: Record<string, unknown>;
}

/** The request for a read operation (a to d); (e) takes a household each: see arrivalRequest. */
export function thuisRequest(name: Exclude<OperationName, "e">, picks: Picks): ThuisRequest {
  switch (name) {
    case "a":
      return { subject: picks.fedasilSubject, variables: {} };
    case "b":
      return { subject: picks.myWork.subject, variables: { first: MY_WORK_SIZE } };
    case "c": {
      const { agreementKey, from, to } = picks.funding;
      return { subject: picks.fedasilSubject, variables: { agreementId: toGlobalId("Agreement", agreementKey), from, to } };
    }
    case "d":
      return { subject: picks.evaluatorSubject, variables: {} };
  }
}

/** (e) for one PLANNED household (version 1): a direct arrival today. */
export function arrivalRequest(picks: Picks, householdKey: string): ThuisRequest {
  const input = { householdId: toGlobalId("Household", householdKey), expectedVersion: 1, arrivalRoute: "DIRECT", arrivedOn: picks.today };
  return { subject: picks.arrivals.subject, variables: { input } };
}
