import { type GraphQLInputObjectType, type GraphQLInputType, GraphQLNonNull, type GraphQLSchema, coerceInputValue } from "graphql";
import { badUserInput } from "../../graphql/errors";
import { inputErrors, problemsText } from "../../graphql/input-validation";
import { ReportDefinitionInput, ReportFilter } from "./report-definition.inputs";

/** Which report a download asks for: a saved one by id, or a definition given in full. */
export type ReportRequest = { savedReportId: string } | { definition: ReportDefinitionInput };

const PARAMETERS = "savedReportId or definition (ReportDefinitionInput as JSON)";

/**
 * The report a URL's query parameters ask for: exactly one of `savedReportId` and `definition`,
 * the definition checked exactly as GraphQL checks a ReportDefinitionInput (same enums, same
 * rules), so a download can never ask what the API would refuse.
 */
export async function reportRequestOf(query: Record<string, unknown>, schema: GraphQLSchema): Promise<ReportRequest> {
  const names = Object.keys(query);
  if (names.length !== 1 || !["savedReportId", "definition"].includes(names[0])) throw badUserInput(`Give exactly one parameter: ${PARAMETERS}.`);
  const value = query[names[0]];
  if (typeof value !== "string") throw badUserInput(`Give ${names[0]} once.`);
  if (names[0] === "savedReportId") return { savedReportId: value };
  // Non-null, as the argument is when given: `definition=null` is refused, not run.
  return { definition: await definitionOf(value, new GraphQLNonNull(schema.getType("ReportDefinitionInput") as GraphQLInputObjectType)) };
}

async function definitionOf(json: string, type: GraphQLInputType): Promise<ReportDefinitionInput> {
  const problems: string[] = [];
  const coerced = coerceInputValue(parsed(json), type, (path, _value, error) => problems.push(`${["definition", ...path].join(".")}: ${error.message}`)) as ReportDefinitionInput;
  if (problems.length > 0) throw badUserInput(problems.join("; "));
  const definition = Object.assign(new ReportDefinitionInput(), coerced, { filter: coerced.filter && Object.assign(new ReportFilter(), coerced.filter) });
  const invalid = await inputErrors(definition, ["definition"]);
  if (invalid.length > 0) throw badUserInput(problemsText(invalid));
  return definition;
}

function parsed(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    throw badUserInput("definition must be a ReportDefinitionInput as JSON.");
  }
}
