/** The planned programme and households as table rows, dated the way the services would have dated them. */
import { officeHour } from "../../src/demo/demo-clock";
import { addDays } from "../../src/shared/calendar";
import type { Household } from "./households";
import { PROGRAMME_START, type Programme } from "./programme";
import type { ScaleRandom } from "./scale-random";
import type { TableWriter } from "./table-writer";

export function writeProgramme(writer: TableWriter, random: ScaleRandom, programme: Programme): void {
  // An organisation is registered shortly before its first membership (Fedasil and the evaluators before the programme).
  const firstJoined = new Map<string, string>();
  for (const member of programme.consortia.flatMap((c) => c.members)) {
    const known = firstJoined.get(member.organisation.id);
    if (!known || member.joinedOn < known) firstJoined.set(member.organisation.id, member.joinedOn);
  }
  for (const organisation of programme.organisations.all) {
    const at = officeHour(random, addDays(firstJoined.get(organisation.id) ?? PROGRAMME_START, -random.int(5, 30)));
    const { place } = organisation;
    writer.add("organisation", {
      id: organisation.id, kind: organisation.kind, name: organisation.name, enterprise_number: organisation.enterpriseNumber, postal_code: place.postalCode,
      municipality: place.name, province: place.province, created_at: at, updated_at: at,
    });
    for (const user of organisation.users) {
      writer.add("app_user", { id: user.id, subject: user.subject, display_name: user.displayName, role: user.role, organisation_id: organisation.id, created_at: at });
    }
  }
  for (const consortium of programme.consortia) {
    const at = officeHour(random, consortium.foundedOn);
    writer.add("consortium", { id: consortium.id, name: consortium.name, created_at: at, updated_at: at });
    for (const m of consortium.members) {
      const joined = m.joinedOn === consortium.foundedOn ? at : officeHour(random, m.joinedOn);
      writer.add("consortium_membership", {
        id: m.id, consortium_id: consortium.id, organisation_id: m.organisation.id, role: m.role, joined_on: m.joinedOn, left_on: m.leftOn,
        version: m.leftOn ? 2 : 1, created_at: joined, updated_at: m.leftOn ? officeHour(random, m.leftOn) : joined,
      });
    }
  }
  for (const a of programme.agreements) {
    const created = officeHour(random, addDays(a.signedOn ?? addDays(programme.today, -20), -random.int(5, 20)));
    const changes = [a.signedOn, a.endedOn].filter((day): day is string => day !== null).map((day) => officeHour(random, day, created));
    writer.add("agreement", {
      id: a.id, consortium_id: a.consortium.id, reference: a.reference, status: a.status, signed_on: a.signedOn, starts_on: a.startsOn, ends_on: a.endsOn,
      capacity: a.capacity, fedasil_contact_id: a.contactId, ended_on: a.endedOn, end_reason: a.endReason,
      version: 1 + changes.length, created_at: created, updated_at: changes.at(-1) ?? created,
    });
    for (const rule of a.splitRules) {
      writer.add("split_rule", {
        id: rule.id, agreement_id: a.id, effective_from: rule.effectiveFrom, status: rule.status, proposed_by_user_id: rule.proposedBy, took_effect_at: rule.tookEffectAt,
        version: rule.tookEffectAt ? 2 : 1, created_at: rule.createdAt, updated_at: rule.tookEffectAt ?? rule.createdAt,
      });
      rule.weights.forEach((w, position) => writer.add("split_rule_weight", { id: random.id(), split_rule_id: rule.id, organisation_id: w.organisationKey, kind: w.kind, weight: w.weight, position }));
      for (const approval of rule.approvals) {
        writer.add("split_rule_approval", { id: approval.id, split_rule_id: rule.id, organisation_id: approval.organisationId, approved_by_user_id: approval.userId, approved_at: approval.at });
      }
    }
  }
}

/** The household and its members (a child born here is recorded some days after its birth). */
export function writeHousehold(writer: TableWriter, random: ScaleRandom, h: Household): void {
  const updatedAt = h.changes.at(-1) ?? h.registeredAt ?? h.createdAt;
  writer.add("household", {
    id: h.id, agreement_id: h.agreement.id, reference: h.reference, status: h.status, arrival_route: h.route, expected_arrival_on: h.expectedArrivalOn, arrived_on: h.arrivedOn,
    accompaniment_starts_on: h.startsOn, accompaniment_ends_on: h.accompanimentEndsOn, extended_on: h.extendedOn, exited_on: h.exitedOn, exit_reason: h.exitReason,
    version: 1 + (h.registeredAt ? 1 : 0) + h.changes.length, created_at: h.createdAt, updated_at: updatedAt,
  });
  for (const p of h.persons) {
    const at = p.resettled ? h.createdAt : officeHour(random, addDays(p.birth_date, random.int(3, 12)));
    writer.add("person", {
      id: p.id, household_id: h.id, given_name: p.given_name, family_name: p.family_name, birth_date: p.birth_date, sex: p.sex, relationship: p.relationship,
      resettled: p.resettled, created_at: at, updated_at: at,
    });
  }
}
