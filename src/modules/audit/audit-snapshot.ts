import { toGlobalId } from "../../graphql/global-id";

/**
 * The type a stored key points at, by the last word of the property that holds it
 * (assigneeOrganisationKey, doneByUserKey, participantOrganisationKeys).
 */
const KEY_TARGETS: Record<string, string> = {
  Agreement: "Agreement",
  Consortium: "Consortium",
  Contact: "User",
  Household: "Household",
  Line: "FundingLine",
  Membership: "ConsortiumMembership",
  Organisation: "Organisation",
  Owner: "User",
  Person: "Person",
  Report: "SavedReport",
  Rule: "SplitRule",
  Schedule: "FundingRateSchedule",
  Task: "Task",
  Template: "TaskTemplate",
  User: "User",
};

/** Keys some snapshots add under plain names (a line's shares, a rule's approver, a report's readers). */
const NAMED_TARGETS: Record<string, string> = { allocatedTo: "Organisation", approvedBy: "Organisation", sharedWith: "User" };

const KEY_PROPERTY = /^(.*?)([A-Z]?[a-z]+)Key(s?)$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Where a property's keys point and the name it is shown under (householdKey → householdId), or null. */
export function referenceOf(property: string): { name: string; typeName: string } | null {
  if (NAMED_TARGETS[property]) return { name: property, typeName: NAMED_TARGETS[property] };
  const [, prefix, word, plural] = KEY_PROPERTY.exec(property) ?? [];
  const typeName = word && KEY_TARGETS[word.replace(/^./, (c) => c.toUpperCase())];
  return typeName ? { name: `${prefix}${word}Id${plural}`, typeName } : null;
}

/**
 * A stored snapshot as the audit trail shows it: its own key as `id`, references as global IDs,
 * never a database key (a key-like value of no known reference is left out).
 */
export function shownSnapshot(subjectType: string, stored: Record<string, unknown>): Record<string, unknown> {
  const shown: Record<string, unknown> = {};
  for (const [property, value] of Object.entries(stored)) {
    const reference = property === "key" ? { name: "id", typeName: subjectType } : referenceOf(property);
    if (reference) shown[reference.name] = globalIds(reference.typeName, value);
    else if (!holdsKeys(value)) shown[property] = value;
  }
  return shown;
}

function globalIds(typeName: string, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((key) => globalIds(typeName, key));
  return typeof value === "string" ? toGlobalId(typeName, value) : value;
}

const holdsKeys = (value: unknown): boolean => (Array.isArray(value) ? value.some(holdsKeys) : typeof value === "string" && UUID.test(value));
