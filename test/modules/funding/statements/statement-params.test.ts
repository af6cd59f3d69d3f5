import { statementFilterOf } from "../../../../src/modules/funding/statements/statement-params";

const refusal = (query: Record<string, unknown>) => {
  try {
    statementFilterOf(query);
  } catch (error) {
    return (error as { extensions: { code: string } }).extensions.code;
  }
  return "accepted";
};

describe("statementFilterOf", () => {
  it("reads the period, the optional ids and the settled flag", () => {
    expect(statementFilterOf({ periodFrom: "2026-01-01", periodTo: "2026-12-31" })).toEqual({
      periodFrom: "2026-01-01",
      periodTo: "2026-12-31",
      agreementId: null,
      organisationId: null,
      settled: null,
    });
    expect(statementFilterOf({ periodFrom: "2026-01-01", periodTo: "2026-01-01", agreementId: "A", organisationId: "O", settled: "false" })).toMatchObject({
      agreementId: "A",
      organisationId: "O",
      settled: false,
    });
    expect(statementFilterOf({ periodFrom: "2026-01-01", periodTo: "2026-01-01", settled: "true" }).settled).toBe(true);
  });

  it.each([
    ["a missing day", { periodTo: "2026-12-31" }],
    ["an impossible day", { periodFrom: "2026-02-29", periodTo: "2026-12-31" }],
    ["a day with a time", { periodFrom: "2026-01-01T00:00:00Z", periodTo: "2026-12-31" }],
    ["a misspelt parameter", { periodFrom: "2026-01-01", periodTo: "2026-12-31", organisationID: "O" }],
    ["a repeated parameter", { periodFrom: ["2026-01-01", "2026-02-01"], periodTo: "2026-12-31" }],
    ["a settled flag that is not true or false", { periodFrom: "2026-01-01", periodTo: "2026-12-31", settled: "1" }],
  ])("refuses %s as BAD_USER_INPUT", (_case, query) => {
    expect(refusal(query)).toBe("BAD_USER_INPUT");
  });
});
