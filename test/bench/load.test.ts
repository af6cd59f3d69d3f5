import { type Measurement, medianOfRounds } from "../../bench/load";

const round = (reqPerSec: number, p50: number, p99: number, errors = 0, firstError?: string): Measurement => ({
  requests: reqPerSec * 10,
  reqPerSec,
  p50,
  p99,
  non2xx: errors,
  errors,
  firstError,
});

describe("medianOfRounds", () => {
  it("takes each figure's own median and adds up what failed", () => {
    const merged = medianOfRounds([round(100, 9, 40), round(140, 7, 90, 2, "timeout"), round(120, 8, 30, 1, "later")]);
    expect(merged).toEqual({ requests: 3600, reqPerSec: 120, p50: 8, p99: 40, non2xx: 3, errors: 3, firstError: "timeout" });
  });

  it("takes the mean of the middle two of an even number of rounds, and is one round itself", () => {
    expect(medianOfRounds([round(100, 9, 40), round(140, 7, 90)])).toMatchObject({ reqPerSec: 120, p50: 8, p99: 65 });
    expect(medianOfRounds([round(100, 9, 40)])).toEqual(round(100, 9, 40));
  });
});
