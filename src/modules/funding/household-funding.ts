/**
 * Keeps a household's funding lines in step with its facts: the one call the services that change
 * those facts (arrival, second year, members, route) make, inside their own transaction.
 */
import type { EntityManager } from "typeorm";
import { UserErrorCode, UserErrors, userError } from "../../graphql/user-error";
import { todayInBrussels } from "../../shared/calendar";
import type { MutationScope } from "../../shared/mutation-runner";
import { Agreement } from "../agreements/agreement.entity";
import { Household } from "../households/household.entity";
import { Person } from "../households/person.entity";
import { type ExplainedFundingLine, fundingLinesFor } from "./funding-lines";
import { FundingLineKind } from "./funding-line-kind";
import { FundingLine } from "./funding-line.entity";
import { type StoredRateSchedule, engineSchedulesIn } from "./funding-rate-schedule.service";
import { householdFundingFacts } from "./household-funding-facts";
import { type FundingLineChange, type StoredFundingLine, recomputeLines } from "./line-recompute";
import { type LineChanges, type LineOwner, type LineValues, lineSharing, writeLines } from "./funding-line-writes";

/**
 * Creates, recomputes or deletes the household's unsettled lines and adds automatic adjustments
 * for settled ones, as the engine says for its facts now (nothing before arrival). `what` names
 * the change for an adjustment's reason, e.g. "a member was removed". The household stays locked
 * until commit, so two corrections of it at once queue up and each sees the other's members.
 */
export async function syncHouseholdFunding(scope: MutationScope, householdKey: string, what: string): Promise<void> {
  const { manager } = scope;
  const household = await manager.createQueryBuilder(Household, "household").setLock("pessimistic_write").where("household.id = :householdKey", { householdKey }).getOneOrFail();
  const persons = await manager.findBy(Person, { householdKey });
  await syncLockedHouseholdFunding(scope, { household, persons }, what);
}

/** What the funding of a household follows: the household as locked by the caller, its members and, when known, its agreement. */
export interface FundedHouseholdFacts {
  household: Household;
  persons: readonly Person[];
  owner?: LineOwner;
}

/** syncHouseholdFunding for a caller that has locked the household and read its members in this transaction. */
export async function syncLockedHouseholdFunding(scope: MutationScope, { household, persons, owner }: FundedHouseholdFacts, what: string): Promise<void> {
  const { manager } = scope;
  const stored = await manager.find(FundingLine, { where: { householdKey: household.key } });
  const facts = householdFundingFacts(household, persons);
  if (!facts && stored.length === 0) return;
  const schedules = await engineSchedulesIn(manager);
  const engine = facts ? engineLines(fundingLinesFor(facts, schedules)) : [];
  const changes = recomputeLines(stored.map(storedLine), engine, { what, today: todayInBrussels() });
  if (changes.length === 0) return;
  const lineOwner = owner ?? (await ownerOf(manager, household));
  await writeLines(scope, lineOwner, await lineSharing(manager, lineOwner), lineChanges(changes, stored, schedules));
}

async function ownerOf(manager: EntityManager, household: Household): Promise<LineOwner> {
  const agreement = await manager.findOneByOrFail(Agreement, { key: household.agreementKey });
  return { agreementKey: agreement.key, consortiumKey: agreement.consortiumKey, householdKey: household.key };
}

/** The engine's changes as rows to insert, update and delete. */
function lineChanges(changes: readonly FundingLineChange[], stored: readonly FundingLine[], schedules: readonly StoredRateSchedule[]): Required<LineChanges> {
  const read = (key: string) => stored.find((line) => line.key === key)!;
  const writes = { inserts: [] as LineValues[], updates: [] as Array<{ before: FundingLine; values: LineValues }>, deletes: [] as FundingLine[] };
  for (const change of changes) {
    switch (change.action) {
      case "CREATE":
        writes.inserts.push(engineValues(change.line, schedules));
        break;
      case "UPDATE":
        writes.updates.push({ before: read(change.key), values: engineValues(change.line, schedules) });
        break;
      case "DELETE":
        writes.deletes.push(read(change.key));
        break;
      case "ADJUST": {
        const { correctsKind, correctsLineKey, amountCents, dueOn, explanation, reason } = change.adjustment;
        writes.inserts.push({ kind: FundingLineKind.ADJUSTMENT, quantity: 1, rateCents: null, rateScheduleKey: null, amountCents, dueOn, explanation, reason, correctsKind, correctsLineKey });
      }
    }
  }
  return writes;
}

/** The engine's answer, or the reason it has none as a user error (e.g. no rates yet on the due date). */
function engineLines(outcome: ReturnType<typeof fundingLinesFor>): ExplainedFundingLine[] {
  if (outcome.ok) return outcome.lines;
  throw new UserErrors([userError(["input"], UserErrorCode.INVALID_STATE, `The household's funding cannot be computed: ${outcome.problem.message}`)]);
}

/** An engine line as stored, with the key of the schedule whose rate it used. */
function engineValues(line: ExplainedFundingLine, schedules: readonly StoredRateSchedule[]): LineValues {
  const schedule = schedules.find((s) => s.effectiveFrom === line.scheduleEffectiveFrom)!;
  const { kind, quantity, rateCents, amountCents, dueOn, explanation } = line;
  return { kind, quantity, rateCents, rateScheduleKey: schedule.key, amountCents, dueOn, explanation };
}

const storedLine = (line: FundingLine): StoredFundingLine => ({
  key: line.key,
  kind: line.kind,
  correctsKind: line.correctsKind,
  quantity: line.quantity,
  rateCents: line.rateCents,
  amountCents: line.amountCents,
  dueOn: line.dueOn,
  explanation: line.explanation,
  settled: line.settledOn !== null,
});
