/**
 * Who shares a funding line, and with which weights (DESIGN: Split): pure, no database or GraphQL.
 * Only the consortium's members on the line's due date share it: one that left before receives
 * nothing. The split rule in force weighs them (split-rules/), else every member weighs the same.
 */
import { isMemberOn } from "../consortia/membership-rules";
import type { Share } from "./allocation";

/** A dated membership of the agreement's consortium, with what the tie order needs. */
export interface ConsortiumMember {
  organisationKey: string;
  organisationName: string;
  lead: boolean;
  joinedOn: string;
  /** The first day it is no longer a member; null while it is one. */
  leftOn: string | null;
}

/**
 * Weights for the members on a line's due date, given in the tie order (lead first, then by
 * organisation name). An agreement's split rule (or a household's override) weighs, and may
 * list, the members its own way (split-rules/split-rule-rules.ts: weighingOf).
 */
export type SplitRule = (members: readonly ConsortiumMember[]) => Share[];

/** Without a split rule in force: every member on the due date gets an equal share. */
export const equalSplit: SplitRule = (members) => members.map((member) => ({ memberKey: member.organisationKey, weight: 1 }));

/** The shares of a line due on `dueOn`; empty when the consortium had no member that day. */
export function sharesForLine(members: readonly ConsortiumMember[], dueOn: string, rule: SplitRule = equalSplit): Share[] {
  const current = members.filter((member) => isMemberOn(member, dueOn));
  return current.length === 0 ? [] : rule([...current].sort(tieOrder));
}

/** Lead first, then by name in any case, then by key so two equal names still have an order. */
function tieOrder(a: ConsortiumMember, b: ConsortiumMember): number {
  if (a.lead !== b.lead) return a.lead ? -1 : 1;
  return compareText(a.organisationName.toLowerCase(), b.organisationName.toLowerCase()) || compareText(a.organisationKey, b.organisationKey);
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
