import fc from "fast-check";
import { type Bucket, drawFromBucket, memoryCostBudget } from "../../src/graphql/cost-budget";

const SETTINGS = { maximumAvailable: 1000, restoreRate: 50 };

/** A draw: how long after the previous one (ms) and its cost. */
const draws = fc.array(fc.record({ after: fc.nat(60_000), cost: fc.nat(1500) }), { maxLength: 50 });
const settings = fc.record({ maximumAvailable: fc.integer({ min: 1, max: 100_000 }), restoreRate: fc.integer({ min: 1, max: 10_000 }) });

function run(steps: Array<{ after: number; cost: number }>, rule = SETTINGS) {
  let bucket: Bucket | undefined;
  let now = 0;
  return steps.map(({ after, cost }) => {
    now += after;
    const before = bucket;
    const result = drawFromBucket(bucket, cost, now, rule);
    bucket = result.bucket;
    return { before, cost, now, ...result };
  });
}

describe("the cost budget's leaky bucket", () => {
  it("starts full, takes what is drawn, refuses more than it holds and then takes nothing", () => {
    const [first, second, third] = run([
      { after: 0, cost: 600 },
      { after: 0, cost: 401 },
      { after: 0, cost: 400 },
    ]);
    expect(first).toMatchObject({ granted: true, bucket: { available: 400 } });
    expect(second).toMatchObject({ granted: false, bucket: { available: 400 } });
    expect(third).toMatchObject({ granted: true, bucket: { available: 0 } });
  });

  it("is never below empty nor above full", () => {
    fc.assert(
      fc.property(settings, draws, (rule, steps) =>
        run(steps, rule).every(({ bucket }) => bucket.available >= 0 && bucket.available <= rule.maximumAvailable),
      ),
    );
  });

  it("grants a draw exactly when the bucket, refilled since its last draw, holds its cost", () => {
    fc.assert(
      fc.property(draws, (steps) =>
        run(steps).every(({ before, cost, now, granted, bucket }) => {
          const refilled = before ? Math.min(1000, before.available + ((now - before.at) * 50) / 1000) : 1000;
          return granted === cost <= refilled && bucket.available === (granted ? refilled - cost : refilled);
        }),
      ),
    );
  });

  it("refills linearly at restoreRate points per second until full", () => {
    fc.assert(
      fc.property(settings, fc.nat(100_000), (rule, ms) => {
        const { bucket: empty } = drawFromBucket(undefined, rule.maximumAvailable, 0, rule);
        const { bucket } = drawFromBucket(empty, 0, ms, rule);
        return bucket.available === Math.min(rule.maximumAvailable, (ms * rule.restoreRate) / 1000);
      }),
    );
  });

  it("restores nothing when the clock steps back", () => {
    const { bucket: spent } = drawFromBucket(undefined, 700, 10_000, SETTINGS);
    expect(drawFromBucket(spent, 0, 4_000, SETTINGS).bucket.available).toBe(300);
  });
});

describe("the per-instance cost budget", () => {
  it("keeps one bucket per organisation and reports whole points, as Shopify", async () => {
    let now = 0;
    const budget = memoryCostBudget(SETTINGS, () => now);
    expect(await budget.draw("gent", 999)).toEqual({ granted: true, throttleStatus: { maximumAvailable: 1000, currentlyAvailable: 1, restoreRate: 50 } });
    expect((await budget.draw("gent", 2)).granted).toBe(false);
    expect((await budget.draw("liege", 1000)).granted).toBe(true);
    now = 30;
    expect(await budget.draw("gent", 2)).toEqual({ granted: true, throttleStatus: { maximumAvailable: 1000, currentlyAvailable: 0, restoreRate: 50 } });
  });
});
