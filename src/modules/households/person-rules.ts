/** Rules about the members of a household: pure, no database or GraphQL. */
import type { RuleProblem } from "../../shared/rule-problem";

export enum Relationship {
  HEAD = "HEAD",
  PARTNER = "PARTNER",
  CHILD = "CHILD",
  PARENT = "PARENT",
  SIBLING = "SIBLING",
  GRANDCHILD = "GRANDCHILD",
  OTHER_RELATIVE = "OTHER_RELATIVE",
  OTHER = "OTHER",
}

export const EARLIEST_BIRTH_DATE = "1900-01-01";

/** Why a birth date cannot be right, or null when it can. */
export function birthDateProblem(birthDate: string, today: string): string | null {
  if (birthDate > today) return "The birth date lies in the future.";
  if (birthDate < EARLIEST_BIRTH_DATE) return `The birth date lies before ${EARLIEST_BIRTH_DATE}.`;
  return null;
}

/** The household's arrival: the day it arrived, or the expected day until then; null while neither is known. */
export function arrivalDay(household: { arrivedOn: string | null; expectedArrivalOn: string | null }): string | null {
  return household.arrivedOn ?? household.expectedArrivalOn;
}

/**
 * Whether a person counts as resettled: as requested, else `fallback`. A child born after the
 * household's arrival is a member but never a resettled person: false by default, and null
 * (a mistake to report) when requested true.
 */
export function resettledFlag(birthDate: string, arrival: string | null, requested?: boolean | null, fallback = true): boolean | null {
  const bornAfterArrival = arrival !== null && birthDate > arrival;
  if (!bornAfterArrival) return requested ?? fallback;
  return requested === true ? null : false;
}

/** Its field is ["relationship"] or ["formerHeadRelationship"]. */
export type HeadProblem = RuleProblem<"ONE_HEAD_ONLY" | "HEAD_REQUIRED" | "INVALID">;

const ONE_HEAD_ONLY: HeadProblem = {
  field: ["relationship"],
  code: "ONE_HEAD_ONLY",
  message: "The household already has a head; to change heads, make this person HEAD and say what the former head becomes in formerHeadRelationship.",
};
const HEAD_REQUIRED: HeadProblem = {
  field: ["relationship"],
  code: "HEAD_REQUIRED",
  message: "A household always has a head; make another member HEAD instead.",
};

/** Adding a member never adds a second head. */
export function addPersonProblem(relationship: Relationship): HeadProblem | null {
  return relationship === Relationship.HEAD ? ONE_HEAD_ONLY : null;
}

/** The head cannot be removed: another member becomes head first. */
export function removePersonProblem(relationship: Relationship): HeadProblem | null {
  return relationship === Relationship.HEAD ? HEAD_REQUIRED : null;
}

/** A member's relationship change: refused, or allowed, naming what the former head becomes when heads change. */
export type RelationshipChange = { problem: HeadProblem } | { formerHeadBecomes: Relationship | null };

export function relationshipChange(
  current: Relationship,
  requested: Relationship | null | undefined,
  formerHeadRelationship: Relationship | null | undefined,
): RelationshipChange {
  const target = requested ?? current;
  const promotes = current !== Relationship.HEAD && target === Relationship.HEAD;
  if (current === Relationship.HEAD && target !== Relationship.HEAD) return { problem: HEAD_REQUIRED };
  if (formerHeadRelationship != null && (!promotes || formerHeadRelationship === Relationship.HEAD)) {
    const message = promotes
      ? "The former head cannot stay HEAD: say what they become."
      : "formerHeadRelationship goes with making this person the head.";
    return { problem: { field: ["formerHeadRelationship"], code: "INVALID", message } };
  }
  if (promotes && formerHeadRelationship == null) return { problem: ONE_HEAD_ONLY };
  return { formerHeadBecomes: promotes ? formerHeadRelationship! : null };
}
