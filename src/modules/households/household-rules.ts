/** Rules about households and their texts: pure, no database or GraphQL. */

export type TextProblem = "REQUIRED" | "TOO_LONG";

/** Text as stored: trimmed, at least one and at most `max` characters. */
export function trimmedText(raw: string, max: number): { value: string } | { problem: TextProblem } {
  const value = raw.trim();
  if (value.length === 0) return { problem: "REQUIRED" };
  return [...value].length > max ? { problem: "TOO_LONG" } : { value };
}

/** Whether placing `adding` more resettled persons would exceed the agreement's capacity. */
export function exceedsCapacity(capacity: number, placed: number, adding: number): boolean {
  return adding > 0 && placed + adding > capacity;
}
