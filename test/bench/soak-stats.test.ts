import fc from "fast-check";
import { MIX, operationAt } from "../../bench/soak/mix";
import { type Outcome, answerError, errorsByKind, latencies, memoryTrend, serverFailures, soakVerdict } from "../../bench/soak/stats";

const outcome = (ms: number, status = 200, error: string | null = null): Outcome => ({ operation: "a", ms, status, error });

describe("soak statistics", () => {
  it("takes percentiles as the nearest rank of the answers' latencies", () => {
    const hundred = Array.from({ length: 100 }, (_, i) => outcome(100 - i));
    expect(latencies(hundred)).toEqual({ p50: 50, p95: 95, p99: 99 });
    expect(latencies([outcome(7)])).toEqual({ p50: 7, p95: 7, p99: 7 });
    expect(Number.isNaN(latencies([]).p50)).toBe(true);
  });

  it("keeps the percentiles in order and within the latencies", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e5, noNaN: true }), { minLength: 1 }), (values) => {
        const { p50, p95, p99 } = latencies(values.map((ms) => outcome(ms)));
        return Math.min(...values) <= p50 && p50 <= p95 && p95 <= p99 && p99 <= Math.max(...values);
      }),
    );
  });

  it("names what went wrong in an answer", () => {
    expect(answerError(200, { data: { households: { nodes: [] } } })).toBeNull();
    expect(answerError(200, { data: { registerArrival: { household: { id: "x" }, userErrors: [] } } })).toBeNull();
    expect(answerError(200, { data: { updateTaskStatus: { task: null, userErrors: [{ code: "CONFLICT" }] } } })).toBe("userError:CONFLICT");
    expect(answerError(503, { errors: [{ message: "m", extensions: { code: "SERVICE_UNAVAILABLE" } }] })).toBe("SERVICE_UNAVAILABLE");
    expect(answerError(200, { data: null, errors: [{ message: "m", extensions: { code: "INTERNAL_SERVER_ERROR" } }] })).toBe("INTERNAL_SERVER_ERROR");
    expect(answerError(502, {})).toBe("no GraphQL errors");
  });

  it("counts errors by status and kind, and 5xx with unanswered requests as server failures", () => {
    const outcomes = [outcome(1), outcome(1, 503, "SERVICE_UNAVAILABLE"), outcome(1, 503, "SERVICE_UNAVAILABLE"), outcome(1, 200, "userError:CONFLICT"), outcome(1, 0, "transport:ECONNRESET")];
    expect(Object.fromEntries(errorsByKind(outcomes))).toEqual({ "HTTP 503 SERVICE_UNAVAILABLE": 2, "HTTP 200 userError:CONFLICT": 1, "transport:ECONNRESET": 1 });
    expect(serverFailures(outcomes)).toBe(3);
  });

  it("compares the last quarter's memory with the second's (the first is warm-up)", () => {
    expect(memoryTrend([100, 100, 100, 100, 100, 100, 100])).toBeNull();
    expect(memoryTrend([50, 50, 100, 100, 100, 100, 110, 110])).toEqual({ secondQuarterKb: 100, lastQuarterKb: 110, growth: expect.closeTo(0.1, 10) });
    expect(memoryTrend([10, 10, 200, 200, 190, 190, 180, 180])!.growth).toBeLessThan(0);
  });

  it("passes a soak without 5xx, unanswered requests or growing memory, and says why one fails", () => {
    const flat = memoryTrend([90, 100, 100, 101, 102, 100, 103, 104]);
    const growing = memoryTrend([90, 100, 100, 110, 120, 130, 140, 150]);
    expect(soakVerdict([outcome(5), outcome(9, 200, "userError:CONFLICT")], flat)).toEqual({ passed: true, reasons: [] });
    expect(soakVerdict([outcome(5)], null).passed).toBe(true);
    expect(soakVerdict([outcome(5), outcome(5, 500, "INTERNAL_SERVER_ERROR"), outcome(0, 0, "not sent: the server fell behind")], growing)).toEqual({
      passed: false,
      reasons: ["2 requests answered 5xx or not at all", "RSS grew 38.1% from the second quarter to the last (limit 10%)"],
    });
    expect(soakVerdict([], flat)).toEqual({ passed: false, reasons: ["no request was sent"] });
  });

  it("draws each operation of the mix by its share", () => {
    expect(MIX.reduce((sum, [, share]) => sum + share, 0)).toBeCloseTo(1, 10);
    const draws = Array.from({ length: 1000 }, (_, i) => operationAt(i / 1000));
    for (const [operation, share] of MIX) expect(draws.filter((o) => o === operation).length).toBe(Math.round(share * 1000));
    expect(operationAt(0.999999)).toBe("f");
  });
});
