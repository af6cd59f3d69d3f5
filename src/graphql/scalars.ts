import { GraphQLScalarType } from "graphql";
import { DateTimeResolver, LocalDateResolver } from "graphql-scalars";

/** A calendar day, `YYYY-MM-DD`, kept as a string so no time zone can shift it. */
export const DateScalar = new GraphQLScalarType({
  ...LocalDateResolver.toConfig(),
  name: "Date",
  description: "A calendar day in ISO-8601 form, e.g. 2026-03-01.",
});

export const DateTimeScalar = new GraphQLScalarType({
  ...DateTimeResolver.toConfig(),
  name: "DateTime",
  description: "An instant in ISO-8601 form with its offset, e.g. 2026-03-01T09:30:00.000Z.",
});
