import fc from "fast-check";
import { Role } from "../../src/auth/roles";
import type { Viewer } from "../../src/auth/viewer";
import { toGlobalId } from "../../src/graphql/global-id";
import type { TaskNotification } from "../../src/modules/tasks/task-notifications";
import { mayFollowTasks, ofHousehold, receives } from "../../src/realtime/live-rules";

const GENT = "11111111-1111-4111-8111-111111111111";
const LIEGE = "22222222-2222-4222-8222-222222222222";
const PCSW = "33333333-3333-4333-8333-333333333333";
const NGO = "44444444-4444-4444-8444-444444444444";
const HOUSEHOLD = "55555555-5555-4555-8555-555555555555";
const TASK = "66666666-6666-4666-8666-666666666666";

const viewer = (role: Role, organisationId: string, consortiumIds: string[]): Viewer => ({ userId: "u", role, organisationId, consortiumIds });
const pcswStaff = viewer(Role.PARTNER_STAFF, PCSW, [GENT]);
const fedasil = viewer(Role.FEDASIL_STAFF, "fedasil", []);
const evaluator = viewer(Role.EVALUATOR, "evaluators", []);

const assigned = (to: string, consortiumKey = GENT): TaskNotification => ({ topic: "TASK_ASSIGNED", taskKey: TASK, assigneeOrganisationKey: to, consortiumKey });
const changed = (consortiumKey = GENT, householdKey: string | null = HOUSEHOLD): TaskNotification => ({ topic: "TASK_CHANGED", taskKey: TASK, householdKey, consortiumKey });
const proposed = (to: string, consortiumKey = GENT): TaskNotification => ({ topic: "HANDOVER_PROPOSED", handoverKey: TASK, toOrganisationKey: to, consortiumKey });

describe("receives", () => {
  it("gives an assignment and a proposed hand-over only to the organisation they name", () => {
    expect(receives(pcswStaff, assigned(PCSW))).toBe(true);
    expect(receives(pcswStaff, assigned(NGO))).toBe(false);
    expect(receives(pcswStaff, proposed(PCSW))).toBe(true);
    expect(receives(pcswStaff, proposed(NGO))).toBe(false);
  });

  it("gives a partner nothing of a consortium it is not a member of, even what names its organisation", () => {
    expect(receives(pcswStaff, changed(LIEGE))).toBe(false);
    expect(receives(pcswStaff, assigned(PCSW, LIEGE))).toBe(false);
    expect(receives(pcswStaff, proposed(PCSW, LIEGE))).toBe(false);
  });

  it("gives Fedasil every change and no assignment (Fedasil is never an assignee)", () => {
    expect(receives(fedasil, changed(GENT))).toBe(true);
    expect(receives(fedasil, changed(LIEGE, null))).toBe(true);
    expect(receives(fedasil, assigned(PCSW))).toBe(false);
  });

  it("never gives an evaluator anything, whatever the notification says", () => {
    const notifications = fc.oneof(
      fc.record({ topic: fc.constant("TASK_ASSIGNED" as const), taskKey: fc.uuid(), assigneeOrganisationKey: fc.constantFrom(PCSW, "evaluators"), consortiumKey: fc.uuid() }),
      fc.record({ topic: fc.constant("TASK_CHANGED" as const), taskKey: fc.uuid(), householdKey: fc.option(fc.uuid()), consortiumKey: fc.uuid() }),
      fc.record({ topic: fc.constant("HANDOVER_PROPOSED" as const), handoverKey: fc.uuid(), toOrganisationKey: fc.constantFrom(PCSW, "evaluators"), consortiumKey: fc.uuid() }),
    );
    fc.assert(fc.property(notifications, (notification) => !receives(evaluator, notification)));
  });
});

describe("ofHousehold", () => {
  it("lets every change through when no household is asked for", () => {
    expect(ofHousehold(changed(GENT, HOUSEHOLD), undefined)).toBe(true);
    expect(ofHousehold(changed(GENT, null), null)).toBe(true);
  });

  it("keeps to the household asked for; an agreement-level task belongs to none", () => {
    const id = toGlobalId("Household", HOUSEHOLD);
    expect(ofHousehold(changed(GENT, HOUSEHOLD), id)).toBe(true);
    expect(ofHousehold(changed(GENT, NGO), id)).toBe(false);
    expect(ofHousehold(changed(GENT, null), id)).toBe(false);
  });

  it("matches nothing for an id that is no household's", () => {
    expect(ofHousehold(changed(GENT, HOUSEHOLD), toGlobalId("Task", HOUSEHOLD))).toBe(false);
    expect(ofHousehold(changed(GENT, HOUSEHOLD), "not-an-id")).toBe(false);
  });
});

describe("mayFollowTasks", () => {
  it("lets partners and Fedasil follow tasks, not evaluators", () => {
    expect([Role.PARTNER_STAFF, Role.PARTNER_COORDINATOR, Role.FEDASIL_STAFF, Role.FEDASIL_ADMIN, Role.EVALUATOR].filter((role) => mayFollowTasks(viewer(role, PCSW, [])))).toEqual([
      Role.PARTNER_STAFF,
      Role.PARTNER_COORDINATOR,
      Role.FEDASIL_STAFF,
      Role.FEDASIL_ADMIN,
    ]);
  });
});
