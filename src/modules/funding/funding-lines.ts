/**
 * What Fedasil owes for one household (DESIGN: Funding rules): pure, no database or GraphQL.
 * - BASE: per resettled person, due at the start of the accompaniment;
 * - EXTENSION: per resettled person, due at the start of the second year, once it is granted;
 * - DIRECT_ARRIVAL_HEAD: once per household arriving DIRECT (its head being resettled);
 * - DIRECT_ARRIVAL_MEMBER: per resettled member other than the head, arriving DIRECT.
 * Each line takes its rate from the schedule in force on its own due date.
 */
import { euro } from "./euro";
import { FundingKind, type FundingProblem, isCents } from "./funding-vocabulary";
import { type RateSchedule, isCalendarDay, scheduleOn, scheduleProblem } from "./rate-schedule";

export interface HouseholdFundingFacts {
  /** Members resettled under the programme; a child born after arrival is a member but not one. */
  resettledPersons: number;
  headResettled: boolean;
  route: "DIRECT" | "VIA_RECEPTION";
  accompanimentStartsOn: string;
  /** The first day of the granted second year; null while none is granted. */
  secondYearStartsOn: string | null;
}

/** One amount owed, with what a person needs to check it. */
export interface ExplainedFundingLine {
  kind: FundingKind;
  quantity: number;
  rateCents: number;
  amountCents: number;
  dueOn: string;
  /** The schedule whose rate the line used (schedules are unique per effective date). */
  scheduleEffectiveFrom: string;
  /** One sentence, e.g. "5 resettled persons × €3,000.00 = €15,000.00 (rates from 2016-01-01)". */
  explanation: string;
}

export type FundingLinesOutcome = { ok: true; lines: ExplainedFundingLine[] } | { ok: false; problem: FundingProblem };

interface LineBasis {
  kind: FundingKind;
  quantity: number;
  dueOn: string;
}

/** The household's lines in due order; kinds that count nobody are left out. */
export function fundingLinesFor(facts: HouseholdFundingFacts, schedules: readonly RateSchedule[]): FundingLinesOutcome {
  const problem = factsProblem(facts) ?? scheduleProblem(schedules);
  if (problem) return { ok: false, problem };
  const lines: ExplainedFundingLine[] = [];
  for (const basis of basesOf(facts).filter((b) => b.quantity > 0)) {
    const schedule = scheduleOn(schedules, basis.dueOn);
    if (!schedule) {
      return { ok: false, problem: { code: "NO_RATE_SCHEDULE", message: `No rate schedule is in force on ${basis.dueOn}, when the ${basis.kind} line falls due.` } };
    }
    const rateCents = schedule.rates[basis.kind];
    const amountCents = basis.quantity * rateCents;
    if (!isCents(amountCents)) {
      return { ok: false, problem: { code: "AMOUNT_TOO_LARGE", message: `${basis.quantity} × ${rateCents} cents is beyond exact whole cents.` } };
    }
    const line = { ...basis, rateCents, amountCents, scheduleEffectiveFrom: schedule.effectiveFrom };
    lines.push({ ...line, explanation: explain(line) });
  }
  return { ok: true, lines };
}

function basesOf(facts: HouseholdFundingFacts): LineBasis[] {
  const start = facts.accompanimentStartsOn;
  const direct = facts.route === "DIRECT";
  const membersBesidesHead = facts.resettledPersons - (facts.headResettled ? 1 : 0);
  const bases: LineBasis[] = [
    { kind: FundingKind.BASE, quantity: facts.resettledPersons, dueOn: start },
    { kind: FundingKind.DIRECT_ARRIVAL_HEAD, quantity: direct && facts.headResettled ? 1 : 0, dueOn: start },
    { kind: FundingKind.DIRECT_ARRIVAL_MEMBER, quantity: direct ? membersBesidesHead : 0, dueOn: start },
  ];
  if (facts.secondYearStartsOn) bases.push({ kind: FundingKind.EXTENSION, quantity: facts.resettledPersons, dueOn: facts.secondYearStartsOn });
  return bases;
}

function factsProblem(facts: HouseholdFundingFacts): FundingProblem | null {
  const invalid = (message: string): FundingProblem => ({ code: "INVALID_FACTS", message });
  if (!Number.isSafeInteger(facts.resettledPersons) || facts.resettledPersons < 0) return invalid("The number of resettled persons is a whole number, not negative.");
  if (facts.headResettled && facts.resettledPersons < 1) return invalid("A resettled head counts among the resettled persons.");
  if (facts.route !== "DIRECT" && facts.route !== "VIA_RECEPTION") return invalid(`Unknown arrival route "${facts.route}".`);
  if (!isCalendarDay(facts.accompanimentStartsOn)) return invalid("The accompaniment's start is a calendar day (YYYY-MM-DD).");
  const second = facts.secondYearStartsOn;
  if (second !== null && (!isCalendarDay(second) || second <= facts.accompanimentStartsOn)) {
    return invalid("The second year starts on a calendar day after the accompaniment's start.");
  }
  return null;
}

const UNITS: Record<FundingKind, [one: string, many: string]> = {
  [FundingKind.BASE]: ["resettled person", "resettled persons"],
  [FundingKind.EXTENSION]: ["resettled person", "resettled persons"],
  [FundingKind.DIRECT_ARRIVAL_HEAD]: ["household arriving directly", "households arriving directly"],
  [FundingKind.DIRECT_ARRIVAL_MEMBER]: ["resettled member besides the head", "resettled members besides the head"],
};

function explain(line: Omit<ExplainedFundingLine, "explanation">): string {
  const unit = UNITS[line.kind][line.quantity === 1 ? 0 : 1];
  const when = line.kind === FundingKind.EXTENSION ? " for the second year" : "";
  return `${line.quantity} ${unit} × ${euro(line.rateCents)}${when} = ${euro(line.amountCents)} (rates from ${line.scheduleEffectiveFrom})`;
}
