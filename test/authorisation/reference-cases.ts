import type { RoleName } from "./access-table";
import { type CaseContext, gid, placeOf, today } from "./matrix-fixtures";
import type { Attempt } from "./matrix-runner";

/**
 * Mutations on an object of the viewer's own, naming in another field of their input an object
 * the viewer may not see (another consortium's household, a user it does not see): that field
 * must answer as for a missing object. Organisations are public, so they are not among them.
 */
export interface ReferenceCase {
  field: string;
  role: RoleName;
  /** The attempt; its object is the reference the viewer may not see. */
  attempt(c: CaseContext): Promise<Attempt>;
}

const liegeOf = (c: CaseContext) => placeOf(c.world, c.role, "other");
const referring = (object: string, input: Record<string, unknown>): Attempt => ({ object, args: { input } });

export const REFERENCE_CASES: Record<string, ReferenceCase> = {
  "recordCooperationEvent.householdIds": {
    field: "recordCooperationEvent",
    role: "PARTNER_STAFF",
    attempt: async (c) => {
      const household = gid("Household", liegeOf(c).household);
      return referring(household, { agreementId: gid("Agreement", c.place.agreement), kind: "FEEDBACK", occurredOn: today(), title: "Feedback", householdIds: [household] });
    },
  },
  "proposeSplitRule.householdId": {
    field: "proposeSplitRule",
    role: "PARTNER_COORDINATOR",
    attempt: async (c) => {
      const household = gid("Household", liegeOf(c).household);
      const weights = c.place.members.map((member) => ({ organisationId: gid("Organisation", member), weight: 1 }));
      return referring(household, { agreementId: gid("Agreement", c.place.agreement), householdId: household, effectiveFrom: today(), weights });
    },
  },
  "assignTask.userId": {
    field: "assignTask",
    role: "PARTNER_COORDINATOR",
    attempt: async (c) => {
      const user = gid("User", c.world.users.liegeStaff);
      return referring(user, { taskId: gid("Task", await c.fixtures.task(c.place)), expectedVersion: 1, organisationId: gid("Organisation", c.place.peer), userId: user });
    },
  },
  "shareReport.userIds": {
    field: "shareReport",
    role: "EVALUATOR",
    attempt: async (c) => {
      const user = gid("User", c.world.users.liegeStaff);
      return referring(user, { reportId: gid("SavedReport", await c.fixtures.savedReport(c.viewerUser!)), expectedVersion: 1, userIds: [user] });
    },
  },
};
