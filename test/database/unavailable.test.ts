import { GraphQLError, locatedError } from "graphql";
import { QueryFailedError } from "typeorm";
import { isDatabaseUnavailable } from "../../src/database/unavailable";

const withCode = (code: string, message = "x") => Object.assign(new Error(message), { code });

describe("isDatabaseUnavailable", () => {
  it("knows a server going away, refusing or full by its SQLSTATE, the network's codes and node-postgres's words", () => {
    const unavailable = [
      withCode("57P01", "terminating connection due to administrator command"),
      withCode("57P03", "the database system is starting up"),
      withCode("08006"),
      withCode("53300", "sorry, too many clients already"),
      withCode("ECONNREFUSED"),
      new Error("Connection terminated unexpectedly"),
      new Error("timeout exceeded when trying to connect"),
    ];
    expect(unavailable.map(isDatabaseUnavailable)).toEqual(unavailable.map(() => true));
  });

  it("does not take a wrong statement, a conflict or anything else for an outage", () => {
    const other = [withCode("23505"), withCode("42P01"), withCode("40001"), withCode("57014", "canceling statement due to statement timeout"), new Error("boom"), "Connection terminated", null, undefined];
    expect(other.map(isDatabaseUnavailable)).toEqual(other.map(() => false));
  });

  it("looks through TypeORM's, GraphQL's and Node's wrappers", () => {
    const lost = new Error("Connection terminated unexpectedly");
    const wrapped = [
      new QueryFailedError("SELECT 1", [], lost),
      locatedError(lost, undefined, ["viewer"]),
      new GraphQLError("Context creation failed", { originalError: new QueryFailedError("SELECT 1", [], withCode("57P01")) }),
      locatedError({ code: "ECONNRESET", errno: -104 }, undefined, ["x"]),
      new Error("outer", { cause: withCode("ECONNRESET") }),
    ];
    expect(wrapped.map(isDatabaseUnavailable)).toEqual(wrapped.map(() => true));
  });
});
