/** Consortia of the scale programme: who joins, who leads, who joins later or leaves, and when. */
import { addMonths } from "../../src/shared/calendar";
import { MembershipRole, isMemberOn } from "../../src/modules/consortia/membership-rules";
import type { ConsortiumMember } from "../../src/modules/funding/line-shares";
import type { CurrentMember } from "../../src/modules/integration-path/responsibility-matrix";
import type { Organisation, OrganisationRegistry } from "./organisations";
import { type Place, neighboursOf } from "./places";
import type { ScaleRandom } from "./scale-random";

export interface Member {
  id: string;
  organisation: Organisation;
  role: MembershipRole;
  joinedOn: string;
  /** The first day it is no longer a member. */
  leftOn: string | null;
}

export interface Consortium {
  id: string;
  name: string;
  code: string;
  place: Place;
  foundedOn: string;
  /** In membership order: founders (the lead first), then those who joined later. */
  members: Member[];
  /** Every membership as the funding engine weighs it. */
  fundingMembers: ConsortiumMember[];
}

/**
 * A consortium of 1 to 5 around a town: its commune, PCSW and NGOs, sometimes a neighbour's.
 * `codes` holds the codes taken so far (a town's second consortium is GENT-2).
 */
export function foundConsortium(random: ScaleRandom, organisations: OrganisationRegistry, place: Place, foundedOn: string, today: string, codes: Set<string>): Consortium {
  const lead = random.weighted([["commune", 55], ["pcsw", 30], ["ngo", 15]]);
  const neighbour = random.pick(neighboursOf(place));
  // Made only when taken: an organisation exists because it is a member.
  const candidates: Array<() => Organisation> = {
    commune: [() => organisations.pcsw(place), () => organisations.localNgo(place), () => organisations.nationalNgo(place.language), () => organisations.pcsw(neighbour), () => organisations.commune(neighbour)],
    pcsw: [() => organisations.commune(place), () => organisations.localNgo(place), () => organisations.nationalNgo(place.language), () => organisations.pcsw(neighbour)],
    ngo: [() => organisations.pcsw(place), () => organisations.commune(place), () => organisations.nationalNgo(place.language), () => organisations.localNgo(neighbour)],
  }[lead];
  const leader = lead === "commune" ? organisations.commune(place) : lead === "pcsw" ? organisations.pcsw(place) : organisations.localNgo(place);
  const size = random.weighted([[1, 5], [2, 12], [3, 25], [4, 30], [5, 28]]);
  const founders = [leader, ...candidates.slice(0, size - 1).map((make) => make())];
  const member = (organisation: Organisation, role: MembershipRole, joinedOn: string): Member => ({ id: random.id(), organisation, role, joinedOn, leftOn: null });
  const members = founders.map((o, i) => member(o, i === 0 ? MembershipRole.LEAD : MembershipRole.MEMBER, foundedOn));
  // Now and then an NGO leaves, or another joins: neither is ever the lead, nor responsible by default.
  const leaver = members.find((m) => m.role === MembershipRole.MEMBER && m.organisation.kind === "NGO");
  const leavesOn = addMonths(foundedOn, random.int(14, 40));
  if (leaver && members.length >= 3 && random.chance(0.25) && leavesOn < today) leaver.leftOn = leavesOn;
  const joinsOn = addMonths(foundedOn, random.int(8, 30));
  if (random.chance(0.25) && joinsOn < today) members.push(member(organisations.localNgo(place, true), MembershipRole.MEMBER, joinsOn));
  for (const { organisation } of members) {
    if (organisation.users.length > 0) continue;
    organisations.addUser(organisation, "PARTNER_COORDINATOR", "coordinator");
    organisations.addUser(organisation, "PARTNER_STAFF", "staff");
  }
  const { code, n } = uniqueCode(place.name, codes);
  return {
    id: random.id(), name: `Consortium ${place.name}${n > 1 ? ` ${n}` : ""}`, code, place, foundedOn, members,
    fundingMembers: members.map((m) => ({ organisationKey: m.organisation.id, organisationName: m.organisation.name, lead: m.role === MembershipRole.LEAD, joinedOn: m.joinedOn, leftOn: m.leftOn })),
  };
}

/** The members on a day, oldest membership first and the lead first among equals, as registerArrival reads them. */
export function membersOn(consortium: Consortium, day: string): Member[] {
  return consortium.members.filter((m) => isMemberOn(m, day)).sort((a, b) => a.joinedOn.localeCompare(b.joinedOn) || a.role.localeCompare(b.role));
}

export const asCurrentMembers = (members: readonly Member[]): CurrentMember[] =>
  members.map((m) => ({ organisationKey: m.organisation.id, kind: m.organisation.kind as CurrentMember["kind"], role: m.role }));

/** The lead on a day (the lead never leaves in the scale programme). */
export const leadOf = (consortium: Consortium): Organisation => consortium.members[0].organisation;

/** Members on the day that stay members until `until` (or today): those that can still receive work. */
export const membersThrough = (consortium: Consortium, day: string, until: string): Member[] =>
  membersOn(consortium, day).filter((m) => m.leftOn === null || m.leftOn > until);

/** GENT, LIEGE, SAINT-GILLES, then GENT-2 for a town's second consortium. */
function uniqueCode(name: string, codes: Set<string>): { code: string; n: number } {
  const base = name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toUpperCase().replace(/[^A-Z]+/g, "-");
  let n = 1;
  while (codes.has(n === 1 ? base : `${base}-${n}`)) n++;
  const code = n === 1 ? base : `${base}-${n}`;
  codes.add(code);
  return { code, n };
}
