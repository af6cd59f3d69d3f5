import { quantile } from "../load";

/** One answered (or failed) request of the soak. */
export interface Outcome {
  operation: string;
  /** Milliseconds from sending to the whole answer (or the failure). */
  ms: number;
  /** HTTP status; 0 when no answer came (connection error). */
  status: number;
  /** null for a right answer, else what went wrong: the top-level error code, `userError:<code>`, `transport:<code>` or `not sent: <why>`. */
  error: string | null;
}

/** What went wrong in an answer (null: nothing): the first error's code, or the payload's first user error. */
export function answerError(status: number, body: any): string | null {
  const code = (errors: any[]) => String(errors[0]?.extensions?.code ?? "no code");
  if (Array.isArray(body?.errors) && body.errors.length > 0) return code(body.errors);
  if (status < 200 || status > 299) return "no GraphQL errors";
  if (!body?.data) return "no data";
  const userErrors = Object.values(body.data as Record<string, any>)[0]?.userErrors;
  return Array.isArray(userErrors) && userErrors.length > 0 ? `userError:${userErrors[0].code}` : null;
}

export interface Latencies {
  p50: number;
  p95: number;
  p99: number;
}

export function latencies(outcomes: readonly Outcome[]): Latencies {
  const sorted = outcomes.map((o) => o.ms).sort((x, y) => x - y);
  return { p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), p99: quantile(sorted, 0.99) };
}

/** How many requests failed, by `HTTP <status> <error>`, or the error alone when there was no answer. */
export function errorsByKind(outcomes: readonly Outcome[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { status, error } of outcomes) {
    if (error === null) continue;
    const kind = status === 0 ? error : `HTTP ${status} ${error}`;
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return counts;
}

/** Server errors and requests that got no answer at all: what a soak must not have. */
export const serverFailures = (outcomes: readonly Outcome[]): number => outcomes.filter((o) => o.status === 0 || o.status >= 500).length;

const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

export interface MemoryTrend {
  /** Mean RSS over the second and the last quarter of the run, in kB (the first quarter is warm-up). */
  secondQuarterKb: number;
  lastQuarterKb: number;
  /** lastQuarter / secondQuarter - 1. */
  growth: number;
}

/** The memory samples' trend, taken at a steady pace; null with fewer than 8 samples (too short to judge). */
export function memoryTrend(samplesKb: readonly number[]): MemoryTrend | null {
  if (samplesKb.length < 8) return null;
  const quarter = Math.floor(samplesKb.length / 4);
  const secondQuarterKb = mean(samplesKb.slice(quarter, 2 * quarter));
  const lastQuarterKb = mean(samplesKb.slice(samplesKb.length - quarter));
  return { secondQuarterKb, lastQuarterKb, growth: lastQuarterKb / secondQuarterKb - 1 };
}

export interface Verdict {
  passed: boolean;
  reasons: string[];
}

/** Passes with no 5xx and no request left unanswered, and memory that grew less than `maxGrowth` from the second quarter to the last. */
export function soakVerdict(outcomes: readonly Outcome[], memory: MemoryTrend | null, maxGrowth = 0.1): Verdict {
  const reasons: string[] = [];
  const failures = serverFailures(outcomes);
  if (failures > 0) reasons.push(`${failures} requests answered 5xx or not at all`);
  if (memory && memory.growth > maxGrowth) {
    reasons.push(`RSS grew ${(memory.growth * 100).toFixed(1)}% from the second quarter to the last (limit ${(maxGrowth * 100).toFixed(0)}%)`);
  }
  if (outcomes.length === 0) reasons.push("no request was sent");
  return { passed: reasons.length === 0, reasons };
}
