import { badUserInput } from "../../../graphql/errors";
import { DateScalar } from "../../../graphql/scalars";
import type { FundingStatementFilter } from "./funding-statement.inputs";

const PARAMETERS = new Set(["periodFrom", "periodTo", "agreementId", "organisationId", "settled"]);

/**
 * The statement filter from a URL's query parameters, checked as GraphQL checks its input;
 * a misspelt or repeated parameter is refused rather than ignored (it would widen the statement).
 */
export function statementFilterOf(query: Record<string, unknown>): FundingStatementFilter {
  for (const [name, value] of Object.entries(query)) {
    if (!PARAMETERS.has(name)) throw badUserInput(`Unknown parameter ${name}: use ${[...PARAMETERS].join(", ")}.`);
    if (typeof value !== "string") throw badUserInput(`Give ${name} once.`);
  }
  const text = query as Record<string, string | undefined>;
  return {
    periodFrom: day(text, "periodFrom"),
    periodTo: day(text, "periodTo"),
    agreementId: text.agreementId ?? null,
    organisationId: text.organisationId ?? null,
    settled: flag(text.settled),
  };
}

function day(query: Record<string, string | undefined>, name: string): string {
  const value = query[name];
  if (value === undefined) throw badUserInput(`${name} is required: a day as YYYY-MM-DD.`);
  try {
    return DateScalar.parseValue(value) as string;
  } catch {
    throw badUserInput(`${name} must be a day as YYYY-MM-DD, not "${value.slice(0, 20)}".`);
  }
}

function flag(value: string | undefined): boolean | null {
  if (value === undefined) return null;
  if (value === "true" || value === "false") return value === "true";
  throw badUserInput(`settled must be true or false.`);
}
