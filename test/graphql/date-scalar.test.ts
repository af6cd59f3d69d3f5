import { Kind } from "graphql";
import { DateScalar } from "../../src/graphql/scalars";

describe("the Date scalar", () => {
  it("refuses days of year 0, which PostgreSQL does not have, in variables and literals", () => {
    expect(() => DateScalar.parseValue("0000-01-01")).toThrow("not a valid Date");
    expect(() => DateScalar.parseLiteral({ kind: Kind.STRING, value: "0000-12-31" }, {})).toThrow("not a valid Date");
  });

  it("accepts the first and last days of the four-digit years", () => {
    expect(DateScalar.parseValue("0001-01-01")).toBe("0001-01-01");
    expect(DateScalar.parseLiteral({ kind: Kind.STRING, value: "9999-12-31" }, {})).toBe("9999-12-31");
  });
});
