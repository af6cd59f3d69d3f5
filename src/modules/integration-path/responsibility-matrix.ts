/**
 * Which consortium member does which task category under an agreement: pure, no database or
 * GraphQL. By default commune registration and other administration go to the city or
 * municipality, PCSW registration and the integration income to the PCSW, the rest to the lead;
 * a coordinator's choice overrides the default for its category while its organisation is a
 * current member (one that left cannot receive work, so its category falls back to the default).
 */
import { MembershipRole } from "../consortia/membership-rules";
import type { OrganisationKind } from "../organisations/organisation.entity";
import { TaskCategory } from "../tasks/task-vocabulary";

/** An organisation kind by its name (the entity's enum stays out of this pure file). */
type Kind = `${OrganisationKind}`;

export interface CurrentMember {
  organisationKey: string;
  kind: Kind;
  role: MembershipRole;
}

export interface ResponsibilityChoice {
  category: TaskCategory;
  organisationKey: string;
}

export interface Assignment {
  category: TaskCategory;
  organisationKey: string;
  /** True where the member follows from the default rule rather than a coordinator's choice. */
  isDefault: boolean;
}

/** Categories whose default goes to a member of a given kind, when the consortium has one. */
const BY_KIND: Partial<Record<TaskCategory, readonly Kind[]>> = {
  [TaskCategory.ADMINISTRATION]: ["CITY", "MUNICIPALITY"],
  [TaskCategory.INCOME]: ["PCSW"],
};

const CATEGORIES = Object.values(TaskCategory);

/** The default member for a category: the lead if it is of the wanted kind, else the first such member, else the lead. */
export function defaultResponsible(category: TaskCategory, members: readonly CurrentMember[]): string | null {
  const lead = members.find((m) => m.role === MembershipRole.LEAD) ?? members[0];
  if (!lead) return null;
  const kinds = BY_KIND[category];
  if (!kinds || kinds.includes(lead.kind)) return lead.organisationKey;
  return (members.find((m) => kinds.includes(m.kind)) ?? lead).organisationKey;
}

/**
 * One assignment per category, in the vocabulary's order, from the current members (in
 * membership order) and the stored choices; empty when the consortium has no current member.
 */
export function responsibilityMatrix(members: readonly CurrentMember[], choices: readonly ResponsibilityChoice[]): Assignment[] {
  if (members.length === 0) return [];
  const memberKeys = new Set(members.map((m) => m.organisationKey));
  return CATEGORIES.map((category) => {
    const choice = choices.find((c) => c.category === category && memberKeys.has(c.organisationKey));
    if (choice) return { category, organisationKey: choice.organisationKey, isDefault: false };
    return { category, organisationKey: defaultResponsible(category, members)!, isDefault: true };
  });
}
