import { MembershipRole } from "../modules/consortia/membership-rules";
import type { CurrentMember } from "../modules/integration-path/responsibility-matrix";
import { DEMO_CONSORTIA, DEMO_ORGANISATIONS, type DemoOrganisationKey } from "./demo-organisations";
import type { DemoRows, Row } from "./demo-plan";

/** Someone doing something: a user and the organisation they act for. */
export interface Actor {
  userId: string;
  organisationId: string;
}

export type ActorRole = "PARTNER_COORDINATOR" | "PARTNER_STAFF" | "FEDASIL_STAFF";

/** Looks things up in the planned programme: organisations, users, memberships, households. */
export class DemoWorld {
  constructor(readonly rows: DemoRows) {}

  organisation(key: DemoOrganisationKey): string {
    return this.one(this.rows.organisation, (o) => o.name === DEMO_ORGANISATIONS[key].name, key).id as string;
  }

  /** The consortium's code (GENT, LIEGE, BXL) from an agreement. */
  consortiumCodeOf(agreementId: string): string {
    const agreement = this.one(this.rows.agreement, (a) => a.id === agreementId, agreementId);
    const consortium = this.one(this.rows.consortium, (c) => c.id === agreement.consortium_id, agreementId);
    return DEMO_CONSORTIA.find((c) => c.name === consortium.name)!.code;
  }

  agreementOf(code: string): string {
    const name = DEMO_CONSORTIA.find((c) => c.code === code)!.name;
    const consortium = this.one(this.rows.consortium, (c) => c.name === name, code);
    return this.one(this.rows.agreement, (a) => a.consortium_id === consortium.id, code).id as string;
  }

  actor(organisationId: string, role: ActorRole): Actor {
    const user = this.one(this.rows.app_user, (u) => u.organisation_id === organisationId && u.role === role, role);
    return { userId: user.id as string, organisationId };
  }

  /** The members of the agreement's consortium on `day`, oldest membership first and the lead first among equals. */
  currentMembers(agreementId: string, day: string): CurrentMember[] {
    const agreement = this.one(this.rows.agreement, (a) => a.id === agreementId, agreementId);
    return this.rows.consortium_membership
      .filter((m) => m.consortium_id === agreement.consortium_id && (m.joined_on as string) <= day && !((m.left_on as string | undefined) && (m.left_on as string) <= day))
      .sort((a, b) => String(a.joined_on).localeCompare(String(b.joined_on)) || String(a.role).localeCompare(String(b.role)))
      .map((m) => ({
        organisationKey: m.organisation_id as string,
        kind: this.one(this.rows.organisation, (o) => o.id === m.organisation_id, "member").kind as CurrentMember["kind"],
        role: m.role as MembershipRole,
      }));
  }

  lead(agreementId: string, day: string): string {
    return this.currentMembers(agreementId, day).find((m) => m.role === MembershipRole.LEAD)!.organisationKey;
  }

  /** The households that have arrived, in the order they were planned. */
  arrivedHouseholds(): Row[] {
    return this.rows.household.filter((h) => h.status !== "PLANNED");
  }

  personsOf(householdId: string): Row[] {
    return this.rows.person.filter((p) => p.household_id === householdId);
  }

  private one(rows: Row[], match: (row: Row) => boolean, what: string): Row {
    const row = rows.find(match);
    if (!row) throw new Error(`The demo programme has no ${what}.`);
    return row;
  }
}
