import type { Database } from "../../src/database/database";
import { withCheckDigits } from "../../src/modules/organisations/enterprise-number";
import { addDays, addMonths, todayInBrussels } from "../../src/shared/calendar";
import { gid, insertHousehold, insertRow } from "../modules/households/fixtures";
import { insertTask, insertTemplate } from "../modules/tasks/fixtures";
import { insertLines } from "../modules/funding/statements/statement-fixture";
import { USERS, type World } from "../support/world";
import type { RoleName, Side } from "./access-table";

/**
 * Fresh objects for the matrix's cases, written straight to the database: each mutation case
 * gets objects of its own, so that it would succeed if allowed whatever ran before it.
 */

/** Where a case's object lives: a consortium, its agreement, and the members who act in it. */
export interface Place {
  consortium: string;
  agreement: string;
  household: string;
  /** The viewer's organisation when it is a member; else a member other than the lead. */
  actor: string;
  /** Another current member. */
  peer: string;
  /** Users (keys) of the actor and of the peer. */
  actorUser: string;
  peerUser: string;
  members: string[];
}

/** Gent for the viewer's own side, Liège for the other; the viewer acts as its organisation in Gent. */
export function placeOf(world: World, role: RoleName, side: Side): Place {
  const { organisations: o, users: u } = world;
  if (side === "other") {
    return { consortium: world.consortia.liege, agreement: world.agreements.liege, household: world.households.liege, actor: o.liegeNgo, peer: o.liegePcsw, actorUser: u.liegeStaff, peerUser: u.liegeCoordinator, members: [o.liegePcsw, o.liegeNgo] };
  }
  const gent = { consortium: world.consortia.gent, agreement: world.agreements.gent, household: world.households.gent, members: [o.gentCity, o.gentPcsw, o.gentNgo] };
  return role === "PARTNER_COORDINATOR"
    ? { ...gent, actor: o.gentCity, peer: o.gentPcsw, actorUser: u.gentCoordinator, peerUser: u.gentStaff }
    : { ...gent, actor: o.gentPcsw, peer: o.gentNgo, actorUser: u.gentStaff, peerUser: u.gentNgoStaff };
}

export const today = (): string => todayInBrussels();
export const daysAgo = (days: number): string => addDays(today(), -days);

let serial = 0;
/** A number no other case uses. */
export const nextNumber = (): number => ++serial;
/** A text no other case uses. */
export const unique = (prefix: string): string => `${prefix}-${nextNumber()}`;

export class Fixtures {
  constructor(
    readonly db: Database,
    readonly world: World,
  ) {}

  organisation(): Promise<string> {
    return insertRow(this.db, "organisation", {
      kind: "NGO",
      name: unique("Matrix NGO"),
      enterprise_number: withCheckDigits(String(3000000 + nextNumber()).padStart(8, "0")),
      postal_code: "9000",
      municipality: "Gent",
      province: "EAST_FLANDERS",
    });
  }

  /** A new member of the place's consortium, joined a year ago. */
  async membership(place: Place): Promise<string> {
    const organisation = await this.organisation();
    return insertRow(this.db, "consortium_membership", { consortium_id: place.consortium, organisation_id: organisation, role: "MEMBER", joined_on: addMonths(today(), -12) });
  }

  /** An agreement of the place's consortium running from six months ago for two years. */
  agreement(place: Place, status: "DRAFT" | "ACTIVE" = "ACTIVE"): Promise<string> {
    const startsOn = addMonths(today(), -6);
    return insertRow(this.db, "agreement", {
      consortium_id: place.consortium,
      reference: unique("RES-MATRIX"),
      status,
      signed_on: addMonths(startsOn, -1),
      starts_on: startsOn,
      ends_on: addMonths(startsOn, 24),
      capacity: 40,
      fedasil_contact_id: this.world.users.fedasilStaff,
    });
  }

  /** A PLANNED household (a head and a child) under a new agreement of the place; or one IN_ACCOMPANIMENT for two months. */
  async household(place: Place, status: "PLANNED" | "IN_ACCOMPANIMENT" = "PLANNED"): Promise<string> {
    const agreement = await this.agreement(place);
    const started = daysAgo(60);
    const facts =
      status === "PLANNED"
        ? { arrival_route: "DIRECT", expected_arrival_on: daysAgo(10) }
        : { status, arrival_route: "DIRECT", arrived_on: started, accompaniment_starts_on: started, accompaniment_ends_on: addMonths(started, 12) };
    return insertHousehold(this.db, agreement, unique("HH-MATRIX"), facts, [
      { given_name: "Head", birth_date: "1980-01-01", relationship: "HEAD" },
      { given_name: "Child", birth_date: "2012-01-01", relationship: "CHILD" },
    ]);
  }

  async person(household: string, relationship: string): Promise<string> {
    const [{ id }] = await this.db.manager.query(`SELECT id FROM person WHERE household_id = $1 AND relationship = $2`, [household, relationship]);
    return id;
  }

  /** An OPEN task of the household (by default a new one of the place), assigned to the place's actor. */
  async task(place: Place, household?: string): Promise<string> {
    household ??= await this.household(place);
    return insertTask(this.db, { agreement_id: await this.agreementOf(household), household_id: household, assignee_organisation_id: place.actor, due_on: addDays(today(), 30) });
  }

  private async agreementOf(household: string): Promise<string> {
    const [{ agreement_id }] = await this.db.manager.query(`SELECT agreement_id FROM household WHERE id = $1`, [household]);
    return agreement_id;
  }

  /** A proposed hand-over of a task of `from` to `to`, proposed by `proposer`. */
  async handover(place: Place, from: string, to: string, proposer: string): Promise<string> {
    const task = await this.task({ ...place, actor: from });
    return insertRow(this.db, "handover", { task_id: task, from_organisation_id: from, to_organisation_id: to, proposed_by_user_id: proposer });
  }

  /** A rule proposed (and approved) by the peer, on a new agreement of the place, waiting for the others. */
  async splitRule(place: Place): Promise<string> {
    const agreement = await this.agreement(place);
    const rule = await insertRow(this.db, "split_rule", { agreement_id: agreement, effective_from: today(), proposed_by_user_id: place.peerUser });
    for (const [position, organisation] of place.members.entries()) {
      await insertRow(this.db, "split_rule_weight", { split_rule_id: rule, organisation_id: organisation, weight: 1, position });
    }
    await insertRow(this.db, "split_rule_approval", { split_rule_id: rule, organisation_id: place.peer, approved_by_user_id: place.peerUser });
    return rule;
  }

  /** An unsettled BASE line of 3,000 for the household (by default a new one of the place), due today, all of it the actor's. */
  async fundingLine(place: Place, household?: string): Promise<string> {
    household ??= await this.household(place);
    const [line] = await insertLines(this.db, this.world, [
      { agreement: await this.agreementOf(household), household, kind: "BASE", quantity: 1, cents: 300000, dueOn: today(), allocations: [[place.actor, 300000]] },
    ]);
    return line;
  }

  /** A change of the household in its audit trail. */
  auditEvent(place: Place, household: string): Promise<string> {
    return insertRow(this.db, "audit_event", {
      actor_user_id: place.actorUser,
      actor_organisation_id: place.actor,
      action: "updateHousehold",
      subject_type: "Household",
      subject_id: household,
      consortium_id: place.consortium,
      before: { status: "PLANNED" },
      after: { status: "PLANNED", arrivalRoute: "DIRECT" },
    });
  }

  savedReport(ownerUser: string): Promise<string> {
    return insertRow(this.db, "saved_report", { owner_user_id: ownerUser, name: unique("Matrix report"), definition: { dimensions: ["AGREEMENT"], measures: ["HOUSEHOLDS"] } });
  }

  template(): Promise<string> {
    const code = `MATRIX_STEP_${nextNumber()}`;
    return insertTemplate(this.db, code, { nl: "Stap", fr: "Étape", en: "Step" });
  }

  async version(table: string, key: string): Promise<number> {
    const [{ version }] = await this.db.manager.query(`SELECT version FROM ${table} WHERE id = $1`, [key]);
    return version;
  }
}

export { gid };

/** What a case's builder knows: the fixtures, the place of its object, and who the viewer is. */
export interface CaseContext {
  fixtures: Fixtures;
  world: World;
  place: Place;
  role: RoleName;
  side: Side | null;
  /** The viewer's user (key); null when anonymous. */
  viewerUser: string | null;
}

export function caseContext(fixtures: Fixtures, role: RoleName, side: Side | null, subject: string | null): CaseContext {
  const { world } = fixtures;
  const user = Object.entries(USERS).find(([, s]) => s === subject)?.[0] as keyof typeof USERS | undefined;
  return { fixtures, world, place: placeOf(world, role, side ?? "own"), role, side, viewerUser: user ? world.users[user] : null };
}
