import { GraphQLScalarType } from "graphql";
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
});

export const DateTimeScalar = new GraphQLScalarType({
  ...DateTimeResolver.toConfig(),
  name: "DateTime",
  description: "An instant in ISO-8601 form with its offset, e.g. 2026-03-01T09:30:00.000Z.",
});
