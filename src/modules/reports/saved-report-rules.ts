import { fromGlobalId } from "../../graphql/global-id";
import type { UserRuleProblem } from "../../graphql/user-error";
import type { ReportDefinitionInput, ReportFilter } from "./report-definition.inputs";

/** Roles that may receive a shared report: those that may run and save reports. */
export const REPORT_ROLES: readonly string[] = ["EVALUATOR", "FEDASIL_STAFF", "FEDASIL_ADMIN"];

export interface SaveRequest {
  expectedVersion?: number | null;
  name?: string | null;
  definition?: ReportDefinitionInput | null;
}

/** What is missing or wrong in a save: a new report needs a name and a definition, a change its expected version. */
export function saveProblems(request: SaveRequest, updating: boolean, definitionProblem: string | null): UserRuleProblem[] {
  const problems: UserRuleProblem[] = [];
  if (updating && request.expectedVersion == null) problems.push({ field: ["expectedVersion"], code: "REQUIRED", message: "Give the version you last read to change a saved report." });
  if (updating && request.name == null && request.definition == null) problems.push({ field: ["name"], code: "REQUIRED", message: "Give a new name, a new definition or both." });
  if (!updating && request.name == null) problems.push({ field: ["name"], code: "REQUIRED", message: "A new report needs a name." });
  if (!updating && request.definition == null) problems.push({ field: ["definition"], code: "REQUIRED", message: "A new report needs a definition." });
  if (request.name != null && request.name.trim() === "") problems.push({ field: ["name"], code: "REQUIRED", message: "A name cannot be blank." });
  if (definitionProblem) problems.push({ field: ["definition"], code: "INVALID", message: definitionProblem });
  return problems;
}

/** Recipients that are not evaluators or Fedasil users (`found` holds those that are), or the owner. */
export function shareProblems(userIds: readonly string[], found: readonly string[], ownerKey: string): UserRuleProblem[] {
  return userIds.flatMap((id, index): UserRuleProblem[] => {
    const field = ["userIds", String(index)];
    const user = fromGlobalId(id);
    if (user?.typeName !== "User" || !found.includes(user.key)) return [{ field, code: "UNKNOWN_REFERENCE", message: "No evaluator or Fedasil user has this id." }];
    if (user.key === ownerKey) return [{ field, code: "INVALID", message: "You own this report already." }];
    return [];
  });
}

/** The definition as stored: only the filter conditions given, so a saved report reads back as it was asked. */
export function definitionToKeep(definition: ReportDefinitionInput): ReportDefinitionInput {
  const given = Object.entries(definition.filter ?? {}).filter(([, value]) => value != null && !(Array.isArray(value) && value.length === 0));
  return {
    dimensions: [...definition.dimensions],
    measures: [...definition.measures],
    filter: given.length > 0 ? (Object.fromEntries(given) as ReportFilter) : null,
  };
}
