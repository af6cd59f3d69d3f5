/**
 * What Fedasil owes for a household, by the funding engine: its lines from the household's facts
 * and the stored rate schedules, each divided among the members by the split rule in force
 * (largest remainder), most of the older ones settled; now and then an admin's adjustment.
 */
import { dayBetween, earliest, officeHour } from "../../src/demo/demo-clock";
import { allocate } from "../../src/modules/funding/allocation";
import { euro } from "../../src/modules/funding/euro";
import { fundingLinesFor } from "../../src/modules/funding/funding-lines";
import { type FundingKind } from "../../src/modules/funding/funding-vocabulary";
import type { StoredRateSchedule } from "../../src/modules/funding/funding-rate-schedule.service";
import { householdFundingFacts } from "../../src/modules/funding/household-funding-facts";
import { sharesForLine } from "../../src/modules/funding/line-shares";
import { addDays } from "../../src/shared/calendar";
import type { Household } from "./households";
import type { ScaleRandom } from "./scale-random";
import { weighingOn } from "./split-rules";
import type { Row } from "./table-columns";
import type { TableWriter } from "./table-writer";
import { ADJUSTMENT_REASONS } from "./texts";

export interface FundingContext {
  random: ScaleRandom;
  today: string;
  writer: TableWriter;
  schedules: readonly StoredRateSchedule[];
  /** Fedasil admins: they settle lines and enter adjustments. */
  admins: readonly string[];
}

/** Lines due two months ago or earlier have been paid, in the monthly payment run after. */
const SETTLED_AFTER_DAYS = 60;

export function fundHousehold(ctx: FundingContext, household: Household): void {
  const facts = householdFundingFacts({ arrivalRoute: household.route, accompanimentStartsOn: household.startsOn, extendedOn: household.extendedOn }, household.persons);
  if (!facts) return;
  const outcome = fundingLinesFor(facts, ctx.schedules);
  if (!outcome.ok) throw new Error(`The funding engine has no answer for ${household.reference}: ${outcome.problem.message}`);
  for (const line of outcome.lines) {
    const schedule = ctx.schedules.find((s) => s.effectiveFrom === line.scheduleEffectiveFrom)!;
    const createdAt = line.kind === "EXTENSION" ? household.changes[0] : household.registeredAt!;
    writeLine(ctx, household, line.kind, createdAt, {
      kind: line.kind, quantity: line.quantity, rate_cents: line.rateCents, rate_schedule_id: schedule.key, amount_cents: line.amountCents, due_on: line.dueOn, explanation: line.explanation,
    });
  }
  if (ctx.random.chance(0.01)) {
    const { random } = ctx;
    const dueOn = dayBetween(random, addDays(household.startsOn!, 30), earliest(household.accompanimentEndsOn!, addDays(ctx.today, -1)));
    const amountCents = (random.chance(0.7) ? 1 : -1) * random.int(50, 1500) * 100;
    const createdBy = random.pick(ctx.admins);
    writeLine(ctx, household, null, officeHour(random, dueOn), {
      kind: "ADJUSTMENT", quantity: 1, amount_cents: amountCents, due_on: dueOn, explanation: `Adjustment of ${euro(amountCents)} entered by Fedasil`,
      reason: random.pick(ADJUSTMENT_REASONS), created_by_user_id: createdBy,
    });
  }
}

/** The line, settled when due long enough ago, and its allocations; `kind` null for a manual adjustment. */
function writeLine(ctx: FundingContext, household: Household, kind: FundingKind | null, createdAt: string, line: Row<"funding_line">): void {
  const { random, writer } = ctx;
  const dueOn = line.due_on as string;
  const amountCents = line.amount_cents as number;
  const id = random.id();
  const settled = dueOn <= addDays(ctx.today, -SETTLED_AFTER_DAYS) && random.chance(0.97);
  const settledOn = settled ? earliest(addDays(dueOn, random.int(20, 55)), addDays(ctx.today, -1)) : null;
  const settledAt = settledOn ? officeHour(random, settledOn, createdAt) : createdAt;
  writer.add("funding_line", {
    ...line, id, agreement_id: household.agreement.id, household_id: household.id,
    settled_on: settledOn, settled_by_user_id: settledOn ? random.pick(ctx.admins) : null, settlement_reference: settledOn ? `FED-${settledOn.slice(0, 7)}` : null,
    version: settledOn ? 2 : 1, created_at: createdAt, updated_at: settledAt,
  });
  const agreement = household.agreement;
  const shares = sharesForLine(agreement.consortium.fundingMembers, dueOn, weighingOn(agreement.splitRules, dueOn, kind));
  const outcome = allocate(amountCents, shares);
  if (!outcome.ok) throw new Error(`The line of ${household.reference} due on ${dueOn} cannot be divided: ${outcome.problem.message}`);
  outcome.allocations.forEach((allocation, position) => {
    writer.add("funding_allocation", { id: random.id(), funding_line_id: id, organisation_id: allocation.memberKey, position, weight: shares[position].weight, amount_cents: allocation.amountCents });
  });
}
