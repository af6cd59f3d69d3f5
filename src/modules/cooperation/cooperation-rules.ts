/** The rules of recording a cooperation event: pure, no database or GraphQL. */
import type { RuleProblem } from "../../shared/rule-problem";
import { CooperationEventKind, type KeyMoment } from "../tasks/task-vocabulary";

export const TITLE_MAX = 200;
export const SUMMARY_MAX = 10000;
export const DECISION_MAX = 1000;
export const DECISIONS_MAX = 50;

export type CooperationProblem = RuleProblem<"REQUIRED" | "INVALID" | "TOO_LONG" | "UNKNOWN_REFERENCE" | "NOT_A_MEMBER">;

/** What a user asks to record, as typed. */
export interface EventRequest {
  kind: CooperationEventKind;
  occurredOn: string;
  title: string;
  summary?: string | null;
  decisions: readonly string[];
  keyMoment?: KeyMoment | null;
  participantOrganisationIds: readonly string[];
  householdIds: readonly string[];
}

/** The texts as stored: trimmed; a blank summary is no summary. */
export interface EventText {
  title: string;
  summary: string | null;
  decisions: string[];
}

export function tidyText(request: Pick<EventRequest, "title" | "summary" | "decisions">): EventText {
  const summary = request.summary?.trim() ?? "";
  return { title: request.title.trim(), summary: summary === "" ? null : summary, decisions: request.decisions.map((d) => d.trim()) };
}

/** What is wrong with the event itself; whom and which households it names are checked against the database. */
export function eventProblems(request: EventRequest, today: string): CooperationProblem[] {
  const text = tidyText(request);
  return [
    ...textProblems(["title"], text.title, TITLE_MAX, "a title"),
    ...(text.summary && text.summary.length > SUMMARY_MAX ? [tooLong(["summary"], SUMMARY_MAX)] : []),
    ...decisionProblems(text.decisions),
    ...(request.occurredOn > today ? [problem(["occurredOn"], "INVALID", "An event cannot be recorded before it happened: occurredOn is after today.")] : []),
    ...kindProblems(request),
  ];
}

function decisionProblems(decisions: readonly string[]): CooperationProblem[] {
  if (decisions.length > DECISIONS_MAX) return [problem(["decisions"], "TOO_LONG", `At most ${DECISIONS_MAX} decisions.`)];
  return decisions.flatMap((decision, i) => textProblems(["decisions", String(i)], decision, DECISION_MAX, "the decision"));
}

/** What each kind needs: a key moment (and households) for a report, participants for a meeting. */
function kindProblems(request: EventRequest): CooperationProblem[] {
  const report = request.kind === CooperationEventKind.KEY_MOMENT_REPORT;
  const problems: CooperationProblem[] = [];
  if (report && request.keyMoment == null) problems.push(problem(["keyMoment"], "REQUIRED", "Say which key moment the report is about."));
  if (!report && request.keyMoment != null) problems.push(problem(["keyMoment"], "INVALID", "Only a KEY_MOMENT_REPORT has a key moment."));
  if (report && request.householdIds.length === 0) problems.push(problem(["householdIds"], "REQUIRED", "A key-moment report is about at least one household."));
  if (request.kind === CooperationEventKind.MEETING && request.participantOrganisationIds.length === 0) {
    problems.push(problem(["participantOrganisationIds"], "REQUIRED", "Name the organisations that took part in the meeting."));
  }
  return problems;
}

/** How an organisation named as a participant stands to the agreement's consortium today. */
export type ParticipantStanding = "UNKNOWN" | "OUTSIDER" | "MEMBER" | "FEDASIL";

/** Participants are current members of the consortium, or Fedasil; one problem per offending position. */
export function participantProblems(standings: readonly ParticipantStanding[]): CooperationProblem[] {
  return standings.flatMap((standing, i) => {
    const field = ["participantOrganisationIds", String(i)];
    if (standing === "UNKNOWN") return [problem(field, "UNKNOWN_REFERENCE", "No such organisation.")];
    if (standing === "OUTSIDER") return [problem(field, "NOT_A_MEMBER", "Only current members of the consortium and Fedasil take part.")];
    return [];
  });
}

/**
 * How a household named by the event stands to its agreement. One the caller may not see (another
 * consortium's) is UNKNOWN, exactly like one that does not exist.
 */
export type HouseholdStanding = "UNKNOWN" | "OTHER_AGREEMENT" | "OF_AGREEMENT";

export function householdProblems(standings: readonly HouseholdStanding[]): CooperationProblem[] {
  return standings.flatMap((standing, i) => {
    const field = ["householdIds", String(i)];
    if (standing === "UNKNOWN") return [problem(field, "UNKNOWN_REFERENCE", "No such household.")];
    if (standing === "OTHER_AGREEMENT") return [problem(field, "INVALID", "The household is followed under another agreement.")];
    return [];
  });
}

function textProblems(field: string[], text: string, max: number, what: string): CooperationProblem[] {
  if (text === "") return [problem(field, "REQUIRED", `Write ${what}.`)];
  return text.length > max ? [tooLong(field, max)] : [];
}

const tooLong = (field: string[], max: number): CooperationProblem => problem(field, "TOO_LONG", `At most ${max} characters.`);

const problem = (field: string[], code: CooperationProblem["code"], message: string): CooperationProblem => ({ field, code, message });
