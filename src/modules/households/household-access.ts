import { type Caller, requirePermission } from "../../auth/caller";
import type { Permission } from "../../auth/permissions";
import { householdScope, inScope } from "../../auth/viewer";
import type { Database } from "../../database/database";
import { notFound } from "../../graphql/errors";
import { keyOf } from "../../graphql/global-id";
import { Agreement } from "../agreements/agreement.entity";
import { Household } from "./household.entity";
import { Person } from "./person.entity";

export interface HouseholdTarget {
  household: Household;
  agreement: Agreement;
}

export interface PersonTarget extends HouseholdTarget {
  person: Person;
}

/**
 * Finds the target of a mutation as the caller may see it: one outside the caller's household
 * scope answers NOT_FOUND exactly like one that does not exist; only then must the role allow
 * the change (FORBIDDEN).
 */
export class HouseholdAccess {
  constructor(private readonly db: Database) {}

  async agreement(caller: Caller, agreementId: string, permissions: Permission[]): Promise<Agreement> {
    return this.allowed(caller, await this.visibleAgreement(caller, keyOf(agreementId, "Agreement")), permissions);
  }

  household(caller: Caller, householdId: string, permissions: Permission[]): Promise<HouseholdTarget> {
    return this.householdTarget(caller, keyOf(householdId, "Household"), permissions);
  }

  async person(caller: Caller, personId: string, permissions: Permission[]): Promise<PersonTarget> {
    const key = keyOf(personId, "Person");
    const person = key ? await this.db.manager.findOneBy(Person, { key }) : null;
    if (!person) throw notFound();
    return { ...(await this.householdTarget(caller, person.householdKey, permissions)), person };
  }

  private async householdTarget(caller: Caller, key: string | null, permissions: Permission[]): Promise<HouseholdTarget> {
    const household = key ? await this.db.manager.findOneBy(Household, { key }) : null;
    const agreement = await this.visibleAgreement(caller, household?.agreementKey ?? null);
    return { household: household!, agreement: this.allowed(caller, agreement, permissions) };
  }

  private async visibleAgreement(caller: Caller, key: string | null): Promise<Agreement> {
    const agreement = key ? await this.db.manager.findOneBy(Agreement, { key }) : null;
    if (!agreement || !inScope(householdScope(caller.viewer), agreement.consortiumKey)) throw notFound();
    return agreement;
  }

  private allowed(caller: Caller, agreement: Agreement, permissions: Permission[]): Agreement {
    for (const permission of permissions) requirePermission(caller, permission);
    return agreement;
  }
}
