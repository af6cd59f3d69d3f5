import { withCheckDigits } from "../../../src/modules/organisations/enterprise-number";
import { addDays, todayInBrussels } from "../../../src/shared/calendar";
import { type TestApp, startTestApp } from "../../support/test-app";
import { USERS, type World, seedWorld } from "../../support/world";
import { gid, insertHousehold, insertRow, userErrorCodes } from "../households/fixtures";
import { footprint, record } from "./support";

describe("recordCooperationEvent", () => {
  let t: TestApp;
  let world: World;
  const today = todayInBrussels();
  const ids: Record<string, string> = {};
  const event = (kind: string, extra: Record<string, unknown> = {}) => ({
    agreementId: gid("Agreement", world.agreements.gent),
    kind,
    occurredOn: today,
    title: `A ${kind.toLowerCase()}`,
    ...extra,
  });
  const org = (name: keyof World["organisations"]) => gid("Organisation", world.organisations[name]);

  /** Sends a request that must be refused with these user errors and leave every table as it was. */
  const refused = async (input: Record<string, unknown>, subject: string, expected: string[]) => {
    const before = await footprint(t.app.db);
    const res = await record(t, input, subject);
    expect(res.errors).toBeUndefined();
    expect(res.data.recordCooperationEvent.cooperationEvent).toBeNull();
    expect(userErrorCodes(res.data.recordCooperationEvent)).toEqual(expected);
    expect(await footprint(t.app.db)).toEqual(before);
  };

  /** Sends a request that must fail at the top with this code and write nothing. */
  const rejected = async (input: Record<string, unknown>, subject: string, code: string) => {
    const before = await footprint(t.app.db);
    const res = await record(t, input, subject);
    expect(res.errors?.[0].extensions?.code).toBe(code);
    expect(res.data).toBeNull();
    expect(await footprint(t.app.db)).toEqual(before);
  };

  beforeAll(async () => {
    t = await startTestApp();
    world = await seedWorld(t.app.db);
    const db = t.app.db;
    ids.formerMember = await insertRow(db, "organisation", { kind: "NGO", name: "Oud lid", enterprise_number: withCheckDigits("99999999"), postal_code: "9000", municipality: "Gent", province: "EAST_FLANDERS" });
    await insertRow(db, "consortium_membership", { consortium_id: world.consortia.gent, organisation_id: ids.formerMember, role: "MEMBER", joined_on: "2025-01-01", left_on: "2025-06-01" });
    ids.secondGentAgreement = await insertRow(db, "agreement", { consortium_id: world.consortia.gent, reference: "RES-2026-GENT", status: "ACTIVE", signed_on: "2026-01-10", starts_on: "2026-02-01", ends_on: "2028-01-31", capacity: 10 });
    ids.otherAgreementHousehold = await insertHousehold(db, ids.secondGentAgreement, "HH-GENT-B-1", {}, [{ given_name: "B", birth_date: "1980-01-01", relationship: "HEAD" }]);
  });
  afterAll(() => t.close());

  it("records a meeting with its participants (each once, Fedasil among them), minutes and decisions, trimmed, and audits it", async () => {
    const input = event("MEETING", {
      title: "  Steering group  ",
      summary: "Minutes of the steering group.",
      decisions: ["The NGO takes over housing search", " Next meeting in June "],
      participantOrganisationIds: [org("gentCity"), org("gentPcsw"), org("fedasil"), org("gentCity")],
      householdIds: [gid("Household", world.households.gent)],
      occurredOn: addDays(today, -3),
    });
    const res = await record(t, input, USERS.gentCoordinator);
    expect(res.errors).toBeUndefined();
    const payload = res.data.recordCooperationEvent;
    expect(payload.userErrors).toEqual([]);
    expect(payload.completedTasks).toEqual([]);
    expect(payload.cooperationEvent).toMatchObject({
      kind: "MEETING",
      occurredOn: addDays(today, -3),
      title: "Steering group",
      summary: "Minutes of the steering group.",
      decisions: ["The NGO takes over housing search", "Next meeting in June"],
      keyMoment: null,
      agreement: { reference: "RES-2025-GENT" },
      households: [{ reference: "HH-GENT-1" }],
      participants: [{ name: "Stad Gent" }, { name: "OCMW Gent" }, { name: "Fedasil" }],
      recordedBy: { displayName: USERS.gentCoordinator },
      recordedByOrganisation: { name: "Stad Gent" },
    });
    const [audit] = await t.app.db.manager.query(`SELECT action, subject_type, consortium_id, actor_user_id FROM audit_event WHERE subject_type = 'CooperationEvent'`);
    expect(audit).toEqual({ action: "recordCooperationEvent", subject_type: "CooperationEvent", consortium_id: world.consortia.gent, actor_user_id: world.users.gentCoordinator });
  });

  it.each([
    ["FEEDBACK", USERS.gentStaff],
    ["FEEDBACK", USERS.fedasilAdmin],
    ["MEETING", USERS.gentNgoStaff],
    ["MEETING", USERS.fedasilStaff],
    ["KEY_MOMENT_REPORT", USERS.gentStaff],
    ["KEY_MOMENT_REPORT", USERS.gentCoordinator],
    ["EVALUATION", USERS.fedasilStaff],
    ["EVALUATION", USERS.fedasilAdmin],
  ])("lets %s be recorded by %s", async (kind, subject) => {
    const extra =
      kind === "MEETING" ? { participantOrganisationIds: [org("gentNgo")] }
      : kind === "KEY_MOMENT_REPORT" ? { keyMoment: "ARRIVAL", householdIds: [gid("Household", world.households.gent)] }
      : {};
    const res = await record(t, event(kind, extra), subject);
    expect(res.errors).toBeUndefined();
    expect(res.data.recordCooperationEvent.userErrors).toEqual([]);
    expect(res.data.recordCooperationEvent.cooperationEvent).toMatchObject({ kind, title: `A ${kind.toLowerCase()}` });
  });

  it.each([USERS.gentStaff, USERS.gentCoordinator])("keeps evaluations Fedasil's: %s is FORBIDDEN", async (subject) => {
    await rejected(event("EVALUATION"), subject, "FORBIDDEN");
  });

  it.each([
    ["another consortium's staff", USERS.liegeStaff, "FEEDBACK"],
    ["another consortium's coordinator", USERS.liegeCoordinator, "EVALUATION"],
    ["an evaluator", USERS.evaluator, "FEEDBACK"],
    ["an evaluator", USERS.evaluator, "EVALUATION"],
  ])("answers %s NOT_FOUND (%s, %s)", async (_who, subject, kind) => {
    await rejected(event(kind), subject, "NOT_FOUND");
  });

  it("answers NOT_FOUND for an agreement that does not exist or is not an agreement id", async () => {
    await rejected(event("FEEDBACK", { agreementId: gid("Agreement", "00000000-0000-4000-8000-000000000000") }), USERS.fedasilAdmin, "NOT_FOUND");
    await rejected(event("FEEDBACK", { agreementId: gid("Household", world.households.gent) }), USERS.fedasilAdmin, "NOT_FOUND");
  });

  it("refuses the event's own faults, all at once", async () => {
    await refused(event("FEEDBACK", { title: " ", occurredOn: addDays(today, 1), keyMoment: "END", decisions: ["ok", ""] }), USERS.gentStaff, [
      "input.title:REQUIRED",
      "input.decisions.1:REQUIRED",
      "input.occurredOn:INVALID",
      "input.keyMoment:INVALID",
    ]);
    await refused(event("KEY_MOMENT_REPORT"), USERS.gentStaff, ["input.keyMoment:REQUIRED", "input.householdIds:REQUIRED"]);
    await refused(event("MEETING"), USERS.gentStaff, ["input.participantOrganisationIds:REQUIRED"]);
    await refused(event("FEEDBACK", { title: "t".repeat(201), decisions: Array(51).fill("d") }), USERS.gentStaff, ["input.title:TOO_LONG", "input.decisions:TOO_LONG"]);
    await refused(event("FEEDBACK", { decisions: ["d".repeat(1001)] }), USERS.gentStaff, ["input.decisions.0:TOO_LONG"]);
  });

  it("takes only current members of the consortium and Fedasil as participants", async () => {
    const participantOrganisationIds = [org("gentCity"), org("liegePcsw"), gid("Organisation", ids.formerMember), org("evaluators"), "nonsense", gid("Organisation", "00000000-0000-4000-8000-000000000000"), org("fedasil")];
    await refused(event("MEETING", { participantOrganisationIds }), USERS.gentCoordinator, [
      "input.participantOrganisationIds.1:NOT_A_MEMBER",
      "input.participantOrganisationIds.2:NOT_A_MEMBER",
      "input.participantOrganisationIds.3:NOT_A_MEMBER",
      "input.participantOrganisationIds.4:UNKNOWN_REFERENCE",
      "input.participantOrganisationIds.5:UNKNOWN_REFERENCE",
    ]);
  });

  it("takes only the agreement's households; another consortium's is as unknown as one that does not exist", async () => {
    const householdIds = [gid("Household", world.households.gent), gid("Household", world.households.liege), gid("Household", "00000000-0000-4000-8000-000000000000"), gid("Household", ids.otherAgreementHousehold)];
    await refused(event("FEEDBACK", { householdIds }), USERS.gentStaff, [
      "input.householdIds.1:UNKNOWN_REFERENCE",
      "input.householdIds.2:UNKNOWN_REFERENCE",
      "input.householdIds.3:INVALID",
    ]);
    const liege = await record(t, event("FEEDBACK", { householdIds: [gid("Household", world.households.liege)] }), USERS.gentStaff);
    const missing = await record(t, event("FEEDBACK", { householdIds: [gid("Household", "00000000-0000-4000-8000-000000000000")] }), USERS.gentStaff);
    expect(liege.data.recordCooperationEvent.userErrors).toEqual(missing.data.recordCooperationEvent.userErrors);
    // Fedasil sees every household: for it a Liège household is simply not of this agreement.
    await refused(event("FEEDBACK", { householdIds: [gid("Household", world.households.liege)] }), USERS.fedasilStaff, ["input.householdIds.0:INVALID"]);
  });

  it("returns the first event for a retry with the same key and refuses the key for another request", async () => {
    const input = event("FEEDBACK", { title: "Retried feedback", idempotencyKey: "feedback-1" });
    const first = await record(t, input, USERS.gentStaff);
    const before = await footprint(t.app.db);
    const again = await record(t, input, USERS.gentStaff);
    expect(again.data.recordCooperationEvent).toEqual(first.data.recordCooperationEvent);
    expect(await footprint(t.app.db)).toEqual(before);
    await refused({ ...input, title: "Something else" }, USERS.gentStaff, ["input.idempotencyKey:IDEMPOTENCY_KEY_REUSED"]);
  });
});
