import type { ConsortiumScope } from "../../auth/viewer";
import { keyOf } from "../../graphql/global-id";
import { agreementInScope } from "../households/household-scope";
import type { ReportFilter } from "./report-definition.inputs";

/** WHERE conditions over a report's fact aliases (see report-dimensions.ts) and their parameters. */
export interface ReportConditions {
  where: string[];
  /** The conditions on the attributed organisation `o` alone, apart: households apply them to the members sharing them. */
  organisation: string[];
  params: Record<string, unknown>;
}

/** Keys of the ids that name an object of the type; the others select nothing. */
const keysOf = (ids: readonly string[], typeName: string): string[] =>
  ids.map((id) => keyOf(id, typeName)).filter((key): key is string => key !== null);

/**
 * The viewer's scope and the filter, applied alike to every family. Household conditions drop
 * facts without a household (the join left `h` null); an id of the wrong type, or outside the
 * scope, selects nothing, exactly as an id without facts would.
 */
export function reportConditions(filter: Partial<ReportFilter> | null | undefined, scope: ConsortiumScope): ReportConditions {
  const inScope = agreementInScope("a.id", scope);
  const where = [inScope.sql];
  const organisation: string[] = [];
  const params: Record<string, unknown> = { ...inScope.params };
  const adder = (conditions: string[]) => (name: string, value: unknown, condition: string) => {
    params[name] = value;
    conditions.push(condition);
  };
  const add = adder(where);
  const addOrganisation = adder(organisation);
  const f = filter ?? {};
  if (f.agreementIds != null) add("agreements", keysOf(f.agreementIds, "Agreement"), "a.id = ANY(CAST(:agreements AS uuid[]))");
  if (f.organisationIds != null) addOrganisation("organisations", keysOf(f.organisationIds, "Organisation"), "o.id = ANY(CAST(:organisations AS uuid[]))");
  if (f.organisationKinds != null) addOrganisation("organisationKinds", f.organisationKinds, "o.kind = ANY(CAST(:organisationKinds AS text[]))");
  if (f.provinces != null) addOrganisation("provinces", f.provinces, "o.province = ANY(CAST(:provinces AS text[]))");
  if (f.arrivalRoutes != null) add("arrivalRoutes", f.arrivalRoutes, "h.arrival_route = ANY(CAST(:arrivalRoutes AS text[]))");
  if (f.arrivedFrom != null) add("arrivedFrom", f.arrivedFrom, "h.arrived_on >= CAST(:arrivedFrom AS date)");
  if (f.arrivedTo != null) add("arrivedTo", f.arrivedTo, "h.arrived_on <= CAST(:arrivedTo AS date)");
  if (f.householdStatuses != null) add("householdStatuses", f.householdStatuses, "h.status = ANY(CAST(:householdStatuses AS text[]))");
  if (f.taskCategories != null) add("taskCategories", f.taskCategories, "t.category = ANY(CAST(:taskCategories AS text[]))");
  if (f.taskStatuses != null) add("taskStatuses", f.taskStatuses, "t.status = ANY(CAST(:taskStatuses AS text[]))");
  return { where, organisation, params };
}
