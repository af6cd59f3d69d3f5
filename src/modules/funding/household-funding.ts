/**
 * Keeps a household's funding lines in step with its facts: the one call the services that change
 * those facts (arrival, second year, members, route) make, inside their own transaction.
 */
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
import type { ConsortiumMember } from "./line-shares";
import { type LineOwner, type LineValues, consortiumMembers, deleteLine, insertLine, updateLine } from "./funding-line-writes";

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
  const stored = await manager.find(FundingLine, { where: { householdKey } });
  const facts = householdFundingFacts(household, persons);
  if (!facts && stored.length === 0) return;
  const schedules = await engineSchedulesIn(manager);
  const engine = facts ? engineLines(fundingLinesFor(facts, schedules)) : [];
  const changes = recomputeLines(stored.map(storedLine), engine, { what, today: todayInBrussels() });
  if (changes.length === 0) return;
  const agreement = await manager.findOneByOrFail(Agreement, { key: household.agreementKey });
  const owner: LineOwner = { agreementKey: agreement.key, consortiumKey: agreement.consortiumKey, householdKey };
  const members = await consortiumMembers(manager, agreement.consortiumKey);
  const byKey = new Map(stored.map((line) => [line.key, line]));
  for (const change of changes) await apply(scope, owner, members, byKey, schedules, change);
}

async function apply(
  scope: MutationScope,
  owner: LineOwner,
  members: readonly ConsortiumMember[],
  stored: ReadonlyMap<string, FundingLine>,
  schedules: readonly StoredRateSchedule[],
  change: FundingLineChange,
): Promise<void> {
  switch (change.action) {
    case "CREATE":
      await insertLine(scope, owner, members, engineValues(change.line, schedules));
      return;
    case "UPDATE":
      await updateLine(scope, owner, members, stored.get(change.key)!, engineValues(change.line, schedules));
      return;
    case "DELETE":
      await deleteLine(scope, owner, stored.get(change.key)!);
      return;
    case "ADJUST": {
      const { correctsKind, correctsLineKey, amountCents, dueOn, explanation, reason } = change.adjustment;
      const values: LineValues = { kind: FundingLineKind.ADJUSTMENT, quantity: 1, rateCents: null, rateScheduleKey: null, amountCents, dueOn, explanation, reason, correctsKind, correctsLineKey };
      await insertLine(scope, owner, members, values);
    }
  }
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
