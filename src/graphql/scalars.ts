import { GraphQLError, GraphQLScalarType } from "graphql";
import { DateTimeResolver, LocalDateResolver } from "graphql-scalars";

const localDate = LocalDateResolver.toConfig();
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A calendar day, `YYYY-MM-DD`, kept as a string so no time zone can shift it. Input is checked
 * in full; output passes as it is when it has the form, as the database's days do (checking the
 * calendar again cost more than the rest of the field on long lists).
 */
export const DateScalar = new GraphQLScalarType({
  ...localDate,
  name: "Date",
  description: "A calendar day in ISO-8601 form, e.g. 2026-03-01.",
  serialize: (value) => (typeof value === "string" && DAY.test(value) ? value : localDate.serialize(value)),
  parseValue: (value) => notInYearZero(localDate.parseValue!(value)),
  parseLiteral: (ast, variables) => notInYearZero(localDate.parseLiteral!(ast, variables)),
});

/** PostgreSQL has no year 0 (1 BC precedes 1 AD): such a day is refused here rather than by the database. */
function notInYearZero(day: string): string {
  if (day.startsWith("0000-")) throw new GraphQLError(`Value is not a valid Date: ${day}`);
  return day;
}

export const DateTimeScalar = new GraphQLScalarType({
  ...DateTimeResolver.toConfig(),
  name: "DateTime",
  description: "An instant in ISO-8601 form with its offset, e.g. 2026-03-01T09:30:00.000Z.",
});
