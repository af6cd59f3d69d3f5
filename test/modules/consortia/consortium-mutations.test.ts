import { toGlobalId } from "../../../src/graphql/global-id";
import { addDays, todayInBrussels } from "../../../src/shared/calendar";
import { type TestApp, startTestApp } from "../../support/test-app";
import { USERS, type World, seedWorld } from "../../support/world";
import { CANNOT_MANAGE, membershipKey, newPartner, topLevelCode, userErrorsOf, writeState } from "./support";

const CREATE = `
  mutation($input: CreateConsortiumInput!) {
    createConsortium(input: $input) {
      consortium { id name version lead { name } memberships { id role joinedOn organisation { name } } }
      userErrors { field message code }
    }
  }`;

const MEMBERSHIP = `membership {
  id role joinedOn leftOn organisation { name }
  consortium { version lead { name } memberships(includeEnded: true) { role leftOn organisation { name } } }
}`;
const ADD = `mutation($input: AddConsortiumMemberInput!) { addConsortiumMember(input: $input) { ${MEMBERSHIP} userErrors { field message code } } }`;
const END = `mutation($input: EndConsortiumMembershipInput!) { endConsortiumMembership(input: $input) { ${MEMBERSHIP} userErrors { field message code } } }`;

type Role = "LEAD" | "MEMBER";

describe("consortia (mutations)", () => {
  let t: TestApp;
  let world: World;
  const partners: Record<"city" | "pcsw" | "ngo" | "extra" | "spare", string> = { city: "", pcsw: "", ngo: "", extra: "", spare: "" };
  const organisation = (key: keyof World["organisations"]) => toGlobalId("Organisation", world.organisations[key]);
  const member = (organisationId: string, role: Role = "MEMBER", joinedOn = "2025-01-01") => ({ organisationId, role, joinedOn });

  /** A new consortium of Aalst (city LEAD, PCSW, NGO), founded by an admin. */
  async function found(name: string) {
    const res = await t.gql(CREATE, { input: { name, members: [member(partners.city, "LEAD"), member(partners.pcsw), member(partners.ngo)] } }, USERS.fedasilAdmin);
    expect(res.data.createConsortium.userErrors).toEqual([]);
    const consortium = res.data.createConsortium.consortium;
    const membershipOf = (orgName: string): string => consortium.memberships.find((m: { organisation: { name: string } }) => m.organisation.name === orgName).id;
    return { ...consortium, membershipOf };
  }

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t.app.db);
    partners.city = await newPartner(t, "Stad Aalst", "CITY");
    partners.pcsw = await newPartner(t, "OCMW Aalst", "PCSW");
    partners.ngo = await newPartner(t, "Welzijn Aalst");
    partners.extra = await newPartner(t, "Extra vzw", "OTHER");
    partners.spare = await newPartner(t, "Gemeente Reserve", "MUNICIPALITY");
  });
  afterAll(() => t.close());

  describe("createConsortium", () => {
    it("founds a consortium with its members, audited in the same transaction", async () => {
      const before = await writeState(t.app.db);
      const consortium = await found("Consortium Aalst");
      expect(consortium).toMatchObject({ name: "Consortium Aalst", version: 1, lead: { name: "Stad Aalst" } });
      expect(consortium.memberships).toHaveLength(3);
      const after = await writeState(t.app.db);
      expect(after).toMatchObject({ consortia: before.consortia + 1, memberships: before.memberships + 3, audit_events: before.audit_events + 4 });
      const audit = await t.app.db.manager.query(`SELECT subject_type FROM audit_event WHERE action = 'createConsortium' ORDER BY subject_type`);
      expect(audit.map((a: { subject_type: string }) => a.subject_type)).toEqual(["Consortium", "ConsortiumMembership", "ConsortiumMembership", "ConsortiumMembership"]);
    });

    it.each([
      ["no members", () => [], ["input.members:REQUIRED"]],
      ["no lead", () => [member(partners.city), member(partners.pcsw)], ["input.members:LEAD_REQUIRED"]],
      ["two leads", () => [member(partners.city, "LEAD"), member(partners.pcsw, "LEAD")], ["input.members.1.role:ONE_LEAD_ONLY"]],
      ["an organisation twice", () => [member(partners.city, "LEAD"), member(partners.city)], ["input.members.1.organisationId:ALREADY_A_MEMBER"]],
      ["Fedasil as member", () => [member(partners.city, "LEAD"), member(organisation("fedasil"))], ["input.members.1.organisationId:WRONG_KIND"]],
      ["an evaluator as lead", () => [member(organisation("evaluators"), "LEAD")], ["input.members.0.organisationId:WRONG_KIND"]],
      ["an unknown organisation", () => [member(partners.city, "LEAD"), member(toGlobalId("Organisation", "00000000-0000-4000-8000-000000000000"))], ["input.members.1.organisationId:UNKNOWN_REFERENCE"]],
      ["a consortium id as member", () => [member(toGlobalId("Consortium", world.consortia.gent), "LEAD")], ["input.members.0.organisationId:UNKNOWN_REFERENCE"]],
      ["an overlong member id", () => [member("x".repeat(201), "LEAD")], ["input.members.0.organisationId:TOO_LONG"]],
    ])("refuses %s with a user error and writes nothing", async (_label, members, expected) => {
      const before = await writeState(t.app.db);
      const res = await t.gql(CREATE, { input: { name: "Refused", members: members() } }, USERS.fedasilAdmin);
      expect(res.data.createConsortium.consortium).toBeNull();
      expect(userErrorsOf(res.data.createConsortium)).toEqual(expected);
      expect(await writeState(t.app.db)).toEqual(before);
    });

    it("refuses an empty name", async () => {
      const res = await t.gql(CREATE, { input: { name: "", members: [member(partners.city, "LEAD")] } }, USERS.fedasilAdmin);
      expect(userErrorsOf(res.data.createConsortium)).toEqual(["input.name:INVALID"]);
    });

    it("refuses a blank name and text holding U+0000 as user errors, writing nothing", async () => {
      const before = await writeState(t.app.db);
      const create = (extra: Record<string, unknown>) =>
        t.gql(CREATE, { input: { name: "Consortium Aalst", members: [member(partners.city, "LEAD")], ...extra } }, USERS.fedasilAdmin).then((res) => userErrorsOf(res.data.createConsortium));
      expect(await create({ name: " \t\n " })).toEqual(["input.name:REQUIRED"]);
      expect(await create({ name: "Aalst\u0000" })).toEqual(["input.name:INVALID"]);
      expect(await create({ idempotencyKey: "retry\u0000" })).toEqual(["input.idempotencyKey:INVALID"]);
      expect(await writeState(t.app.db)).toEqual(before);
    });

    it("returns the first result for a retried idempotency key and writes nothing new", async () => {
      const input = { name: "Consortium Retry", members: [member(partners.extra, "LEAD")], idempotencyKey: "found-retry" };
      const first = await t.gql(CREATE, { input }, USERS.fedasilAdmin);
      const before = await writeState(t.app.db);
      const second = await t.gql(CREATE, { input }, USERS.fedasilAdmin);
      expect(second.data.createConsortium.consortium.id).toBe(first.data.createConsortium.consortium.id);
      expect(await writeState(t.app.db)).toEqual(before);
      const reused = await t.gql(CREATE, { input: { ...input, name: "Another" } }, USERS.fedasilAdmin);
      expect(userErrorsOf(reused.data.createConsortium)).toEqual(["input.idempotencyKey:IDEMPOTENCY_KEY_REUSED"]);
    });

    it.each(CANNOT_MANAGE)("refuses %s with FORBIDDEN and writes nothing", async (subject) => {
      const before = await writeState(t.app.db);
      const res = await t.gql(CREATE, { input: { name: "Not yours", members: [member(partners.extra, "LEAD")] } }, subject);
      expect(topLevelCode(res)).toBe("FORBIDDEN");
      expect(await writeState(t.app.db)).toEqual(before);
    });
  });

  describe("addConsortiumMember", () => {
    it("adds a member and bumps the consortium's version", async () => {
      const consortium = await found("Aalst add");
      const res = await t.gql(ADD, { input: { consortiumId: consortium.id, ...member(partners.extra), expectedVersion: 1 } }, USERS.fedasilAdmin);
      expect(res.data.addConsortiumMember.userErrors).toEqual([]);
      const { membership } = res.data.addConsortiumMember;
      expect(membership).toMatchObject({ role: "MEMBER", joinedOn: "2025-01-01", leftOn: null, organisation: { name: "Extra vzw" } });
      expect(membership.consortium).toMatchObject({ version: 2, lead: { name: "Stad Aalst" } });
      expect(membership.consortium.memberships).toHaveLength(4);
      const audit = await t.app.db.manager.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'addConsortiumMember'`);
      expect(audit[0].n).toBe(1);
    });

    it("makes a new LEAD the lead at once and the old lead a MEMBER, in one transaction", async () => {
      const consortium = await found("Aalst new lead");
      const res = await t.gql(ADD, { input: { consortiumId: consortium.id, ...member(partners.extra, "LEAD"), expectedVersion: 1 } }, USERS.fedasilAdmin);
      const { consortium: after } = res.data.addConsortiumMember.membership;
      expect(after.lead).toEqual({ name: "Extra vzw" });
      const roles = Object.fromEntries(after.memberships.map((m: { role: Role; organisation: { name: string } }) => [m.organisation.name, m.role]));
      expect(roles).toEqual({ "Stad Aalst": "MEMBER", "OCMW Aalst": "MEMBER", "Welzijn Aalst": "MEMBER", "Extra vzw": "LEAD" });
      const audit = await t.app.db.manager.query(`SELECT before->>'role' AS was, after->>'role' AS now FROM audit_event WHERE action = 'addConsortiumMember' AND before IS NOT NULL`);
      expect(audit).toEqual([{ was: "LEAD", now: "MEMBER" }]);
    });

    it.each([
      ["a current member", () => partners.pcsw, ["input.organisationId:ALREADY_A_MEMBER"]],
      ["Fedasil", () => organisation("fedasil"), ["input.organisationId:WRONG_KIND"]],
      ["an unknown organisation", () => "nope", ["input.organisationId:UNKNOWN_REFERENCE"]],
    ])("refuses %s with a user error and writes nothing", async (_label, organisationId, expected) => {
      const consortium = await found(`Aalst refuse ${_label}`);
      const before = await writeState(t.app.db);
      const res = await t.gql(ADD, { input: { consortiumId: consortium.id, ...member(organisationId(), "LEAD"), expectedVersion: 1 } }, USERS.fedasilAdmin);
      expect(res.data.addConsortiumMember.membership).toBeNull();
      expect(userErrorsOf(res.data.addConsortiumMember)).toEqual(expected);
      expect(await writeState(t.app.db)).toEqual(before);
    });

    it("answers a stale version with CONFLICT, also when two admins add at the same time", async () => {
      const consortium = await found("Aalst conflict");
      const before = await writeState(t.app.db);
      const stale = await t.gql(ADD, { input: { consortiumId: consortium.id, ...member(partners.extra), expectedVersion: 7 } }, USERS.fedasilAdmin);
      expect(userErrorsOf(stale.data.addConsortiumMember)).toEqual(["input.expectedVersion:CONFLICT"]);
      expect(await writeState(t.app.db)).toEqual(before);
      const both = await Promise.all(
        [partners.extra, partners.spare].map((organisationId) =>
          t.gql(ADD, { input: { consortiumId: consortium.id, ...member(organisationId, "LEAD"), expectedVersion: 1 } }, USERS.fedasilAdmin),
        ),
      );
      expect(both.map((r) => userErrorsOf(r.data.addConsortiumMember)).sort()).toEqual([[], ["input.expectedVersion:CONFLICT"]]);
      const leads = await t.app.db.manager.query(`SELECT count(*)::int AS n FROM consortium_membership m JOIN consortium c ON c.id = m.consortium_id WHERE c.name = 'Aalst conflict' AND m.role = 'LEAD' AND m.left_on IS NULL`);
      expect(leads[0].n).toBe(1);
    });

    it("answers NOT_FOUND to a partner of Gent for Liège and FORBIDDEN for Gent, writing nothing", async () => {
      const before = await writeState(t.app.db);
      const add = (consortiumKey: string, subject: string) =>
        t.gql(ADD, { input: { consortiumId: toGlobalId("Consortium", consortiumKey), ...member(partners.extra), expectedVersion: 1 } }, subject);
      for (const subject of [USERS.gentCoordinator, USERS.gentStaff]) {
        expect(topLevelCode(await add(world.consortia.liege, subject))).toBe("NOT_FOUND");
      }
      for (const subject of CANNOT_MANAGE) expect(topLevelCode(await add(world.consortia.gent, subject))).toBe("FORBIDDEN");
      expect(topLevelCode(await add("00000000-0000-4000-8000-000000000000", USERS.fedasilAdmin))).toBe("NOT_FOUND");
      expect(await writeState(t.app.db)).toEqual(before);
    });
  });

  describe("endConsortiumMembership", () => {
    it("ends a membership and keeps it as history", async () => {
      const consortium = await found("Aalst end");
      const res = await t.gql(END, { input: { membershipId: consortium.membershipOf("Welzijn Aalst"), leftOn: "2025-06-01", expectedVersion: 1 } }, USERS.fedasilAdmin);
      expect(res.data.endConsortiumMembership.userErrors).toEqual([]);
      const { membership } = res.data.endConsortiumMembership;
      expect(membership).toMatchObject({ role: "MEMBER", joinedOn: "2025-01-01", leftOn: "2025-06-01" });
      expect(membership.consortium.version).toBe(2);
      expect(membership.consortium.memberships).toContainEqual({ role: "MEMBER", leftOn: "2025-06-01", organisation: { name: "Welzijn Aalst" } });
      const current = await t.gql(`query($id: ID!) { node(id: $id) { ... on Consortium { memberships { organisation { name } } } } }`, { id: consortium.id }, USERS.evaluator);
      expect(current.data.node.memberships.map((m: { organisation: { name: string } }) => m.organisation.name).sort()).toEqual(["OCMW Aalst", "Stad Aalst"]);
    });

    it("lets the lead leave only by naming a remaining member as the new lead", async () => {
      const consortium = await found("Aalst lead leaves");
      const end = (newLeadOrganisationId?: string) =>
        t.gql(END, { input: { membershipId: consortium.membershipOf("Stad Aalst"), leftOn: "2025-06-01", expectedVersion: 1, newLeadOrganisationId } }, USERS.fedasilAdmin);
      const before = await writeState(t.app.db);
      expect(userErrorsOf((await end()).data.endConsortiumMembership)).toEqual(["input.newLeadOrganisationId:LEAD_REQUIRED"]);
      expect(userErrorsOf((await end(partners.extra)).data.endConsortiumMembership)).toEqual(["input.newLeadOrganisationId:NOT_A_MEMBER"]);
      expect(userErrorsOf((await end(partners.city)).data.endConsortiumMembership)).toEqual(["input.newLeadOrganisationId:NOT_A_MEMBER"]);
      expect(await writeState(t.app.db)).toEqual(before);
      const res = await end(partners.pcsw);
      expect(res.data.endConsortiumMembership.userErrors).toEqual([]);
      const { membership } = res.data.endConsortiumMembership;
      // History keeps the role the leaving organisation had; the lead is now the PCSW.
      expect(membership).toMatchObject({ role: "LEAD", leftOn: "2025-06-01", consortium: { version: 2, lead: { name: "OCMW Aalst" } } });
      expect(membership.consortium.memberships.filter((m: { role: Role; leftOn: string | null }) => m.role === "LEAD" && m.leftOn === null)).toEqual([
        { role: "LEAD", leftOn: null, organisation: { name: "OCMW Aalst" } },
      ]);
    });

    it("refuses leaving before joining, ending twice, a new lead for a member, and a stale version", async () => {
      const consortium = await found("Aalst end refused");
      const end = (input: Record<string, unknown>) =>
        t.gql(END, { input: { membershipId: consortium.membershipOf("OCMW Aalst"), leftOn: "2025-06-01", expectedVersion: 1, ...input } }, USERS.fedasilAdmin);
      const before = await writeState(t.app.db);
      expect(userErrorsOf((await end({ leftOn: "2024-12-31" })).data.endConsortiumMembership)).toEqual(["input.leftOn:INVALID_DATE_RANGE"]);
      expect(userErrorsOf((await end({ newLeadOrganisationId: partners.ngo })).data.endConsortiumMembership)).toEqual(["input.newLeadOrganisationId:INVALID"]);
      expect(userErrorsOf((await end({ expectedVersion: 2 })).data.endConsortiumMembership)).toEqual(["input.expectedVersion:CONFLICT"]);
      expect(await writeState(t.app.db)).toEqual(before);
      expect((await end({})).data.endConsortiumMembership.userErrors).toEqual([]);
      expect(userErrorsOf((await end({ expectedVersion: 2 })).data.endConsortiumMembership)).toEqual(["input.membershipId:INVALID_STATE"]);
    });

    it("answers NOT_FOUND to a partner of Gent for Liège's memberships and FORBIDDEN for Gent's, writing nothing", async () => {
      const before = await writeState(t.app.db);
      const liegeNgo = toGlobalId("ConsortiumMembership", await membershipKey(t.app.db, world.consortia.liege, world.organisations.liegeNgo));
      const gentNgo = toGlobalId("ConsortiumMembership", await membershipKey(t.app.db, world.consortia.gent, world.organisations.gentNgo));
      const end = (membershipId: string, subject: string) => t.gql(END, { input: { membershipId, leftOn: "2025-06-01", expectedVersion: 1 } }, subject);
      for (const subject of [USERS.gentCoordinator, USERS.gentStaff]) expect(topLevelCode(await end(liegeNgo, subject))).toBe("NOT_FOUND");
      for (const subject of CANNOT_MANAGE) expect(topLevelCode(await end(gentNgo, subject))).toBe("FORBIDDEN");
      expect(topLevelCode(await end("bogus", USERS.fedasilAdmin))).toBe("NOT_FOUND");
      expect(await writeState(t.app.db)).toEqual(before);
    });

    it("takes the consortium from a leaving partner's users from leftOn on, not before", async () => {
      const visible = async (subject: string, consortiumKey: string) => {
        const res = await t.gql(`query($id: ID!) { node(id: $id) { id } consortia { totalCount } }`, { id: toGlobalId("Consortium", consortiumKey) }, subject);
        return { node: res.data.node !== null, total: res.data.consortia.totalCount };
      };
      const end = async (consortiumKey: string, organisationKey: string, leftOn: string) => {
        const version = (await t.app.db.manager.query(`SELECT version FROM consortium WHERE id = $1`, [consortiumKey]))[0].version;
        const membershipId = toGlobalId("ConsortiumMembership", await membershipKey(t.app.db, consortiumKey, organisationKey));
        const res = await t.gql(END, { input: { membershipId, leftOn, expectedVersion: version } }, USERS.fedasilAdmin);
        expect(res.data.endConsortiumMembership.userErrors).toEqual([]);
      };
      await end(world.consortia.liege, world.organisations.liegeNgo, addDays(todayInBrussels(), 1));
      expect(await visible(USERS.liegeStaff, world.consortia.liege)).toEqual({ node: true, total: 1 });
      await end(world.consortia.gent, world.organisations.gentNgo, todayInBrussels());
      expect(await visible(USERS.gentNgoStaff, world.consortia.gent)).toEqual({ node: false, total: 0 });
    });
  });
});
