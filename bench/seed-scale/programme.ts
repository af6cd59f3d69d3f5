/**
 * Ten years of the national programme: consortia founded across the provinces from 2016 on, their
 * dated memberships, their agreements (some renewed, most of the early ones ENDED) and how many
 * households each agreement receives. Small enough to hold in memory; the households stream.
 */
import { allocate } from "../../src/modules/funding/allocation";
import { addDays, addMonths } from "../../src/shared/calendar";
import { daysBetween, earliest } from "../../src/demo/demo-clock";
import { type Consortium, foundConsortium } from "./consortia";
import { OrganisationRegistry, type Organisation } from "./organisations";
import { PLACES, foundingPlaces, isProvinceCapital } from "./places";
import type { ScaleRandom } from "./scale-random";
import { type SplitRulePlan, planSplitRules } from "./split-rules";

export const PROGRAMME_START = "2016-01-01";

export type AgreementStatus = "DRAFT" | "ACTIVE" | "ENDED" | "TERMINATED";

export interface Agreement {
  id: string;
  consortium: Consortium;
  reference: string;
  /** Prefix of its households' references. */
  code: string;
  status: AgreementStatus;
  signedOn: string | null;
  startsOn: string;
  endsOn: string;
  endedOn: string | null;
  endReason: string | null;
  capacity: number;
  contactId: string;
  /** Accompaniments start from…to (a year before the agreement closes, and before today); null: none. */
  arrivals: { from: string; to: string } | null;
  /** Households that arrived under it, and those still expected. */
  arrived: number;
  planned: number;
  splitRules: SplitRulePlan[];
}

export interface Programme {
  today: string;
  organisations: OrganisationRegistry;
  fedasil: Organisation;
  consortia: Consortium[];
  agreements: Agreement[];
}

/** About 60 agreements for 20,000 households (one per 320), with at least three. */
export function planProgramme(random: ScaleRandom, households: number, today: string): Programme {
  const organisations = new OrganisationRegistry(random);
  const fedasil = organisations.get("FEDASIL", "Fedasil", PLACES.find((p) => p.name === "Bruxelles")!);
  ["staff", "staff2", "staff3", "staff4"].forEach((login) => organisations.addUser(fedasil, "FEDASIL_STAFF", login));
  ["admin", "admin2"].forEach((login) => organisations.addUser(fedasil, "FEDASIL_ADMIN", login));
  const evaluators = [organisations.get("EVALUATOR", "Evaluatiebureau Hervestiging", PLACES.find((p) => p.name === "Leuven")!), organisations.get("EVALUATOR", "Institut d'évaluation de l'accueil", PLACES.find((p) => p.name === "Namur")!)];
  ["evaluator", "evaluator2"].forEach((login) => organisations.addUser(evaluators[0], "EVALUATOR", login));
  organisations.addUser(evaluators[1], "EVALUATOR", "evaluator");

  const agreementCount = Math.max(3, Math.round(households / 320));
  const consortiumCount = Math.max(3, Math.round(agreementCount * 0.9));
  const places = foundingPlaces();
  const span = Math.max(1, monthsBetween(PROGRAMME_START, addMonths(today, -20)));
  const consortia: Consortium[] = [];
  const codes = new Set<string>();
  const agreements: Agreement[] = [];
  const contacts = fedasil.users.filter((u) => u.role === "FEDASIL_STAFF").map((u) => u.id);
  // Of five or more, the last is still being set up (its agreement starts after today); the others
  // started from 2016 to 20 months ago, so the latest still receive households.
  const running = consortiumCount >= 5 ? consortiumCount - 1 : consortiumCount;
  for (let i = 0; i < consortiumCount; i++) {
    const startsOn = i >= running ? `${addMonths(today, 2).slice(0, 7)}-01` : `${addMonths(PROGRAMME_START, Math.floor((i * span) / Math.max(1, running - 1)) + random.int(0, 2)).slice(0, 7)}-01`;
    // Founded two to four months before its start, but never after today: it exists, with its lead.
    const foundedOn = earliest(addDays(startsOn, -random.int(60, 120)), today);
    const consortium = foundConsortium(random, organisations, places[i % places.length], foundedOn, today, codes);
    consortia.push(consortium);
    agreements.push(agreementOf(random, consortium, startsOn, random.weighted([[36, 7], [48, 2], [60, 1]]), contacts, today));
  }
  // Consortia whose first agreement ran out (earliest first) signed a second one.
  const renewable = [...agreements].filter((a) => a.endsOn < addMonths(today, 6)).sort((a, b) => a.endsOn.localeCompare(b.endsOn));
  for (const first of renewable.slice(0, agreementCount - consortiumCount)) {
    agreements.push(agreementOf(random, first.consortium, addDays(first.endsOn, 1), 36, contacts, today));
  }
  const alone = (a: Agreement) => agreements.filter((b) => b.consortium === a.consortium).length === 1;
  const stopped = agreements.length >= 10 ? agreements.find((a) => a.status === "ENDED" && monthsBetween(a.startsOn, a.endsOn) >= 36 && alone(a)) : undefined;
  if (stopped) terminate(stopped, today);
  for (const agreement of agreements) agreement.arrivals = arrivalWindow(agreement, today);
  shareHouseholds(agreements, households, today);
  for (const agreement of agreements) agreement.splitRules = planSplitRules(random, agreement, today);
  return { today, organisations, fedasil, consortia, agreements };
}

function agreementOf(random: ScaleRandom, consortium: Consortium, startsOn: string, months: number, contacts: string[], today: string): Agreement {
  const endsOn = addDays(addMonths(startsOn, months), -1);
  const status: AgreementStatus = startsOn > today ? "DRAFT" : endsOn < today ? "ENDED" : "ACTIVE";
  const year = startsOn.slice(0, 4);
  return {
    id: random.id(), consortium, reference: `RES-${year}-${consortium.code}`, code: `${consortium.code}-${year}`, status,
    signedOn: status === "DRAFT" ? null : addDays(startsOn, -random.int(10, 40)), startsOn, endsOn,
    endedOn: status === "ENDED" ? earliest(addDays(endsOn, random.int(1, 20)), today) : null, endReason: null,
    capacity: 10, contactId: random.pick(contacts), arrivals: null, arrived: 0, planned: 0, splitRules: [],
  };
}

/** One agreement (never renewed) stopped nine months early. */
function terminate(agreement: Agreement, today: string): void {
  agreement.status = "TERMINATED";
  agreement.endedOn = earliest(addMonths(agreement.endsOn, -9), today);
  agreement.endReason = agreement.consortium.place.language === "nl" ? "Het consortium kon geen betaalbare woningen meer vinden." : "Le consortium ne trouvait plus de logements abordables.";
}

/** Accompaniments start from the agreement's start until a year before it closes, and not after yesterday. */
function arrivalWindow(agreement: Agreement, today: string): Agreement["arrivals"] {
  if (agreement.status === "DRAFT") return null;
  const to = earliest(addDays(addMonths(agreement.endedOn ?? agreement.endsOn, -12), -1), addDays(today, -1));
  return to >= agreement.startsOn ? { from: agreement.startsOn, to } : null;
}

/**
 * Households in proportion to each agreement's months of arrivals, the consortium's size and its
 * town's (largest remainder, so they add up to the number asked); agreements still receiving expect a
 * few more. Capacity follows: about the persons accompanied at once, with room to spare.
 */
function shareHouseholds(agreements: Agreement[], households: number, today: string): void {
  const open = agreements.filter((a) => a.arrivals);
  const scale = (a: Agreement) => (0.6 + 0.2 * a.consortium.members.length) * (isProvinceCapital(a.consortium.place) ? 1.6 : 1);
  const weights = open.map((a) => ({ memberKey: a.id, weight: Math.round(daysBetween(a.arrivals!.from, a.arrivals!.to) * scale(a)) + 1 }));
  const outcome = allocate(households, weights);
  if (!outcome.ok) throw new Error(outcome.problem.message);
  open.forEach((agreement, i) => {
    const count = outcome.allocations[i].amountCents;
    const receiving = agreement.status === "ACTIVE" && agreement.arrivals!.to >= addDays(today, -1) && addMonths(agreement.endsOn, -12) > today;
    agreement.planned = receiving ? Math.round(count * 0.06) : 0;
    agreement.arrived = count - agreement.planned;
    const months = Math.max(12, monthsBetween(agreement.arrivals!.from, agreement.arrivals!.to));
    agreement.capacity = Math.max(10, Math.ceil((count * 3.5 * 15 * 1.25) / months / 10) * 10);
  });
}

const monthsBetween = (from: string, to: string): number => Math.round(daysBetween(from, to) / 30.44);
