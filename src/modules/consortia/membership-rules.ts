/**
 * Who belongs to a consortium and who leads it: pure rules, no database or GraphQL.
 * A membership is open until it is given a leftOn (the first day the organisation is no longer a
 * member). Among the open memberships exactly one is the LEAD: the lead role passes at once when
 * a new lead joins or the lead's leaving is registered; ended rows keep their role as history.
 */
import type { RuleProblem } from "../../shared/rule-problem";

export enum MembershipRole {
  LEAD = "LEAD",
  MEMBER = "MEMBER",
}

export interface MembershipRow {
  key: string;
  organisationKey: string;
  role: MembershipRole;
  joinedOn: string;
  leftOn: string | null;
}

/** Codes are names of UserErrorCode, so the service can answer them as they are. */
export type MembershipProblemCode =
  | "REQUIRED"
  | "LEAD_REQUIRED"
  | "ONE_LEAD_ONLY"
  | "ALREADY_A_MEMBER"
  | "NOT_A_MEMBER"
  | "INVALID_STATE"
  | "INVALID_DATE_RANGE"
  | "INVALID";

/** Its field is a path below `input`, e.g. ["members", "1", "role"]. */
export type MembershipProblem = RuleProblem<MembershipProblemCode>;

export const isOpen = (m: Pick<MembershipRow, "leftOn">): boolean => m.leftOn === null;

/** Ended by that day: history, no longer counted among the members. */
export const hasEndedBy = (m: Pick<MembershipRow, "leftOn">, day: string): boolean => m.leftOn !== null && m.leftOn <= day;

/** A member on that day: joined on or before it and not yet left. */
export const isMemberOn = (m: Pick<MembershipRow, "joinedOn" | "leftOn">, day: string): boolean =>
  m.joinedOn <= day && (m.leftOn === null || m.leftOn > day);

/** The open lead membership, if any. */
export const currentLead = <M extends MembershipRow>(memberships: readonly M[]): M | undefined =>
  memberships.find((m) => isOpen(m) && m.role === MembershipRole.LEAD);

const problem = (field: string[], code: MembershipProblemCode, message: string): MembershipProblem => ({ field, code, message });

/** Problems with the founding members of a new consortium: at least one, exactly one LEAD, no organisation twice. */
export function foundingProblems(members: ReadonlyArray<{ organisationKey: string; role: MembershipRole }>): MembershipProblem[] {
  if (members.length === 0) return [problem(["members"], "REQUIRED", "A consortium has at least one member.")];
  const problems: MembershipProblem[] = [];
  const seen = new Set<string>();
  let leads = 0;
  members.forEach((member, index) => {
    if (seen.has(member.organisationKey)) {
      problems.push(problem(["members", String(index), "organisationId"], "ALREADY_A_MEMBER", "This organisation is listed twice."));
    }
    seen.add(member.organisationKey);
    if (member.role === MembershipRole.LEAD && ++leads > 1) {
      problems.push(problem(["members", String(index), "role"], "ONE_LEAD_ONLY", "A consortium has exactly one LEAD."));
    }
  });
  if (leads === 0) problems.push(problem(["members"], "LEAD_REQUIRED", "Name exactly one member as LEAD."));
  return problems;
}

export interface Joining {
  organisationKey: string;
  role: MembershipRole;
  joinedOn: string;
}

/** Adding a member: what to demote (the current lead, when a new LEAD joins), or the problems. */
export type JoinPlan<M> = { ok: true; demote: M | null } | { ok: false; problems: MembershipProblem[] };

export function planJoin<M extends MembershipRow>(memberships: readonly M[], joining: Joining): JoinPlan<M> {
  // Open, or left after the new joinedOn: the periods would overlap.
  const overlapping = memberships.some(
    (m) => m.organisationKey === joining.organisationKey && (m.leftOn === null || m.leftOn > joining.joinedOn),
  );
  if (overlapping) {
    return { ok: false, problems: [problem(["organisationId"], "ALREADY_A_MEMBER", "This organisation is already a member on or after joinedOn.")] };
  }
  return { ok: true, demote: joining.role === MembershipRole.LEAD ? currentLead(memberships) ?? null : null };
}

export interface Leaving {
  membershipKey: string;
  leftOn: string;
  /** Required when the lead leaves: an organisation with another open membership. */
  newLeadOrganisationKey?: string | null;
}

/** Ending a membership: the membership that ends and the one that becomes LEAD (when the lead leaves), or the problems. */
export type LeavePlan<M> = { ok: true; leaving: M; promote: M | null } | { ok: false; problems: MembershipProblem[] };

export function planLeave<M extends MembershipRow>(memberships: readonly M[], leaving: Leaving): LeavePlan<M> {
  const fail = (p: MembershipProblem): LeavePlan<M> => ({ ok: false, problems: [p] });
  const membership = memberships.find((m) => m.key === leaving.membershipKey);
  if (!membership || !isOpen(membership)) {
    return fail(problem(["membershipId"], "INVALID_STATE", "This membership has already ended."));
  }
  if (leaving.leftOn < membership.joinedOn) {
    return fail(problem(["leftOn"], "INVALID_DATE_RANGE", "leftOn cannot be before joinedOn."));
  }
  const newLead = leaving.newLeadOrganisationKey;
  if (membership.role !== MembershipRole.LEAD) {
    return newLead ? fail(problem(["newLeadOrganisationId"], "INVALID", "Only name a new lead when the lead leaves.")) : { ok: true, leaving: membership, promote: null };
  }
  if (!newLead) return fail(problem(["newLeadOrganisationId"], "LEAD_REQUIRED", "The lead is leaving: name a remaining member as the new lead."));
  const promote = memberships.find((m) => m !== membership && isOpen(m) && m.organisationKey === newLead);
  return promote ? { ok: true, leaving: membership, promote } : fail(problem(["newLeadOrganisationId"], "NOT_A_MEMBER", "The new lead must be a remaining member of the consortium."));
}
