import { isDeepStrictEqual } from "node:util";
import { fromGlobalId } from "../src/graphql/global-id";
import { currentAccommodation } from "../src/modules/households/accommodation-rules";
import type { OperationName } from "./operations";

/**
 * Each system's answer brought to one shape per operation (uuids, cents, lists in their order)
 * so the runner can check, once before timing, that thuis, PostGraphile and the raw SQL return
 * the same data. Titles and names are left out: PostGraphile has no translated titles.
 */
export type System = "thuis" | "postgraphile" | "raw";
type Json = any; // answers as parsed from JSON; the digests below give them their shape

const key = (globalId: string): string => fromGlobalId(globalId)?.key ?? globalId;

/** "-1234.56" -> -123456, exactly. */
export function centsOf(amount: string): number {
  const [whole, fraction = ""] = amount.replace("-", "").split(".");
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  return amount.startsWith("-") ? -cents : cents;
}

const byFirst = <T extends [string, ...unknown[]]>(rows: T[]): T[] => rows.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));

function householdPage(system: System, answer: Json, today: string): Json {
  const households: Json[] = system === "thuis" ? answer.households.nodes : system === "postgraphile" ? answer.allHouseholds.nodes : answer ?? [];
  return households.map((h) => {
    if (system === "postgraphile") {
      const home = currentAccommodation(h.accommodationsByHouseholdId.nodes as Array<{ rowId: string; availableFrom: string }>, today);
      return [h.rowId, h.status, h.peopleByHouseholdId.nodes.map((p: Json) => p.rowId).sort(), home?.rowId ?? null, h.tasksByHouseholdId.nodes.map((t: Json) => [t.rowId, t.status, t.dueOn])];
    }
    const id = system === "thuis" ? key : (x: string) => x;
    return [id(h.id), h.status, h.persons.map((p: Json) => id(p.id)).sort(), h.accommodation ? id(h.accommodation.id) : null,
      (system === "thuis" ? h.tasks.nodes : h.tasks).map((t: Json) => [id(t.id), t.status, t.dueOn])];
  });
}

function myWork(system: System, answer: Json): Json {
  if (system === "postgraphile") {
    const merged: Json[] = [...answer.open.nodes, ...answer.inProgress.nodes, ...answer.blocked.nodes];
    merged.sort((x, y) => (x.dueOn === y.dueOn ? (x.rowId < y.rowId ? -1 : 1) : x.dueOn < y.dueOn ? -1 : 1));
    return merged.slice(0, 50).map((t) => [t.rowId, t.status, t.dueOn, t.householdByHouseholdId?.rowId ?? null]);
  }
  if (system === "thuis") return answer.tasks.nodes.map((t: Json) => [key(t.id), t.status, t.dueOn, t.household ? key(t.household.id) : null]);
  return answer.map((t: Json) => [t.id, t.status, t.dueOn, t.household?.id ?? null]);
}

function funding(system: System, answer: Json): Json {
  if (system === "thuis") {
    const s = answer.fundingStatement;
    return {
      totals: [s.totals.lineCount, centsOf(s.totals.due.amount)],
      byMember: byFirst(s.byMember.map((m: Json) => [key(m.organisation.id), m.lineCount, centsOf(m.due.amount), centsOf(m.settled.amount), centsOf(m.unsettled.amount)])),
      byKind: byFirst(s.byKind.map((k: Json) => [k.kind, k.lineCount, centsOf(k.amount.amount)])),
    };
  }
  if (system === "raw") {
    return {
      totals: [answer.totals.lineCount, Number(answer.totals.due)],
      byMember: byFirst(answer.byMember.map((m: Json) => [m.organisation.id, m.lineCount, Number(m.due), Number(m.settled), Number(m.unsettled)])),
      byKind: byFirst(answer.byKind.map((k: Json) => [k.kind, k.lineCount, Number(k.amount)])),
    };
  }
  const members = new Map<string, [string, number, number, number, number]>();
  const kinds = new Map<string, [string, number, number]>();
  let due = 0;
  for (const line of answer.allFundingLines.nodes as Json[]) {
    due += line.amountCents;
    const kind = kinds.get(line.kind) ?? [line.kind, 0, 0];
    kinds.set(line.kind, [kind[0], kind[1] + 1, kind[2] + line.amountCents]);
    for (const share of line.fundingAllocationsByFundingLineId.nodes as Json[]) {
      const id = share.organisationByOrganisationId.rowId;
      const [, count, total, settled, unsettled] = members.get(id) ?? [id, 0, 0, 0, 0];
      const paid = line.settledOn ? share.amountCents : 0;
      members.set(id, [id, count + 1, total + share.amountCents, settled + paid, unsettled + share.amountCents - paid]);
    }
  }
  return { totals: [answer.allFundingLines.nodes.length, due], byMember: byFirst([...members.values()]), byKind: byFirst([...kinds.values()]) };
}

function report(system: System, answer: Json): Json {
  if (system === "thuis") {
    const r = answer.report;
    const cell = (m: Json) => [m.value, m.suppressed];
    return { rows: r.rows.map((row: Json) => [row.dimensions[0].key, row.dimensions[1].key, ...cell(row.measures[0])]), totals: cell(r.totals.measures[0]) };
  }
  return { rows: answer.rows.map((row: Json) => [row.province, row.quarter, row.persons, row.suppressed]), totals: [answer.totals.persons, answer.totals.suppressed] };
}

/** An arrival's outcome: what was written, comparable between two households of the same make-up. */
function arrival(system: System, answer: Json): Json {
  if (system === "thuis") {
    const { household, userErrors } = answer.registerArrival;
    if (userErrors.length > 0 || !household) return { userErrors };
    return [household.status, household.tasks.totalCount, household.fundingLines.map((l: Json) => [l.kind, centsOf(l.amount.amount)]).sort()];
  }
  return [answer.status, answer.taskCount, answer.fundingLines.map((l: Json) => [l.kind, l.amountCents]).sort()];
}

/** The answer of an operation in the shape shared by all systems. */
export function digest(name: OperationName, system: System, answer: Json, today: string): Json {
  switch (name) {
    case "a":
      return householdPage(system, answer, today);
    case "b":
      return myWork(system, answer);
    case "c":
      return funding(system, answer);
    case "d":
      return report(system, answer);
    case "e":
      return arrival(system, answer);
  }
}

/** Null when equal, else where they first differ. */
export function difference(expected: Json, actual: Json, path = "answer"): string | null {
  if (isDeepStrictEqual(expected, actual)) return null;
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length) return `${path}: ${expected.length} items, not ${actual.length}`;
    for (let i = 0; i < expected.length; i++) {
      const inner = difference(expected[i], actual[i], `${path}[${i}]`);
      if (inner) return inner;
    }
  }
  if (expected && actual && typeof expected === "object" && typeof actual === "object" && !Array.isArray(expected)) {
    for (const name of Object.keys(expected)) {
      const inner = difference(expected[name], actual[name], `${path}.${name}`);
      if (inner) return inner;
    }
  }
  return `${path}: ${JSON.stringify(expected).slice(0, 200)} vs ${JSON.stringify(actual).slice(0, 200)}`;
}
