import { TaskStatus } from "../modules/tasks/task-vocabulary";
import { addDays } from "../shared/calendar";
import { dayBetween, daysBetween, latest } from "./demo-clock";
import { DEMO_CONSORTIA } from "./demo-organisations";
import { SETTLED_AFTER_DAYS, isSettled, lastDay } from "./demo-task-life";
import type { DemoTask, DemoWork } from "./demo-work";

const latestDueFirst = (a: DemoTask, b: DemoTask): number => b.dueOn.localeCompare(a.dueOn);
const soonestDueFirst = (a: DemoTask, b: DemoTask): number => a.dueOn.localeCompare(b.dueOn);

const STALLED_COMMENT = { nl: "Afspraak gevraagd; we wachten nog op een datum.", fr: "Rendez-vous demandé ; nous attendons encore une date." };

/** What makes the demo's work lived-in rather than tidy: work that got stuck, changed hands or did not apply. */
export function tellStories(work: DemoWork): void {
  blockedBankAccount(work);
  incomeNotApplicable(work);
  healthInsuranceHandedOver(work);
  nextHomeSearchOffered(work);
  stalledWork(work);
}

/** Gent: the bank wants a residence card the commune has not issued yet; the PCSW comments how it pays meanwhile. */
function blockedBankAccount(work: DemoWork): void {
  const task = work.claim("a blocked bank account", (t) => t.consortium === "GENT" && t.templateCode === "OPEN_BANK_ACCOUNT" && isSettled(work, t), latestDueFirst);
  const staff = work.world.actor(task.assignee, "PARTNER_STAFF");
  work.changeStatus(task, TaskStatus.IN_PROGRESS, staff, addDays(task.dueOn, -4));
  work.changeStatus(task, TaskStatus.BLOCKED, staff, addDays(task.dueOn, 2), "De bank vraagt een verblijfskaart; de gemeente heeft die nog niet uitgereikt.");
  const pcsw = work.world.actor(work.world.organisation("ocmwGent"), "PARTNER_STAFF");
  work.comment(task, pcsw, addDays(task.dueOn, 5), "Zonder rekening kunnen we het leefloon niet storten: tot dan betalen we uit met een betaalkaart.");
}

/** Liège: the smallest household earns its living, so no integration income is applied for. */
function incomeNotApplicable(work: DemoWork): void {
  const task = work.claim(
    "an integration income that does not apply",
    (t) => t.consortium === "LIEGE" && t.templateCode === "APPLY_INTEGRATION_INCOME" && isSettled(work, t),
    (a, b) => a.household.size - b.household.size || latestDueFirst(a, b),
  );
  const reason = "Le chef de ménage a un emploi à temps plein : pas de droit au revenu d'intégration.";
  work.changeStatus(task, TaskStatus.NOT_APPLICABLE, work.world.actor(task.assignee, "PARTNER_STAFF"), addDays(task.dueOn, -3), reason);
}

/** Liège: the PCSW handed the health insurance over to Caritas, which accepted it the next day and got it done. */
function healthInsuranceHandedOver(work: DemoWork): void {
  const task = work.claim("an accepted hand-over", (t) => t.consortium === "LIEGE" && t.templateCode === "HEALTH_INSURANCE" && isSettled(work, t), latestDueFirst);
  const caritas = work.world.organisation("caritas");
  const message = "Caritas accompagne déjà la famille chez le médecin : pouvez-vous reprendre l'affiliation à la mutualité ?";
  const handover = work.propose(task, caritas, work.world.actor(task.assignee, "PARTNER_STAFF"), addDays(lastDay(task), 2), message);
  work.accept(handover, task, work.world.actor(caritas, "PARTNER_COORDINATOR"), addDays(lastDay(task), 1));
  work.changeStatus(task, TaskStatus.DONE, work.world.actor(caritas, "PARTNER_STAFF"), latest(addDays(lastDay(task), 3), addDays(task.dueOn, -5)));
}

/** Gent: the city asks Vluchtelingenwerk, which knows the family, to take over the search for its next home; no answer yet. */
function nextHomeSearchOffered(work: DemoWork): void {
  const city = work.world.organisation("stadGent");
  const task = work.claim("an open hand-over", (t) => t.consortium === "GENT" && t.templateCode === "SEARCH_NEXT_HOME" && t.assignee === city && t.dueOn >= work.today, soonestDueFirst);
  const message = "De woonbegeleider van Vluchtelingenwerk kent het gezin al: nemen jullie de zoektocht naar de volgende woning over?";
  const proposedOn = latest(addDays(lastDay(task), 1), addDays(work.today, -6));
  work.propose(task, work.world.organisation("vluchtelingenwerk"), work.world.actor(city, "PARTNER_STAFF"), proposedOn, message);
}

/** A couple of settled tasks still OPEN and overdue, and a few stuck IN_PROGRESS, one with a comment. */
function stalledWork(work: DemoWork): void {
  const late = (t: DemoTask, most: number) => daysBetween(t.dueOn, work.today) > SETTLED_AFTER_DAYS && daysBetween(t.dueOn, work.today) <= most;
  for (let i = 0; i < 2; i++) work.claimAny("overdue open work", (t) => late(t, 75));
  for (let i = 0; i < 3; i++) {
    const task = work.claimAny("stalled work in progress", (t) => late(t, 150));
    const staff = work.world.actor(task.assignee, "PARTNER_STAFF");
    const startedOn = dayBetween(work.random, latest(addDays(lastDay(task), 1), addDays(task.dueOn, -5)), addDays(task.dueOn, 5));
    work.changeStatus(task, TaskStatus.IN_PROGRESS, staff, startedOn);
    if (i === 0) work.comment(task, staff, addDays(startedOn, 7), STALLED_COMMENT[DEMO_CONSORTIA.find((c) => c.code === task.consortium)!.language]);
  }
}
