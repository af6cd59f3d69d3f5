import { assignmentProblems, mayAssign } from "../../../src/modules/tasks/task-assignment";
import { taskTitle } from "../../../src/modules/tasks/task-title";

describe("who may assign a task to whom", () => {
  const coordinator = { assignsAnyTask: true, organisation: "city" };
  const pcswStaff = { assignsAnyTask: false, organisation: "pcsw" };

  it("lets coordinators assign any task to anyone (membership is checked apart)", () => {
    expect(mayAssign(coordinator, "pcsw", "ngo")).toBe(true);
    expect(mayAssign(coordinator, "ngo", null)).toBe(true);
  });

  it("lets staff only narrow their own organisation's task within it", () => {
    expect(mayAssign(pcswStaff, "pcsw", "pcsw")).toBe(true);
    expect(mayAssign(pcswStaff, "pcsw", "ngo")).toBe(false);
    expect(mayAssign(pcswStaff, "ngo", "ngo")).toBe(false);
    expect(mayAssign(pcswStaff, "ngo", "pcsw")).toBe(false);
  });

  const assignment = { taskClosed: false, organisation: "ngo", organisationIsCurrentMember: true, user: null };
  it.each([
    ["a closed task", { taskClosed: true }, "taskId", "INVALID_STATE"],
    ["an unknown organisation", { organisation: null }, "organisationId", "UNKNOWN_REFERENCE"],
    ["a member that left or never joined", { organisationIsCurrentMember: false }, "organisationId", "NOT_A_MEMBER"],
    ["an unknown user", { user: { organisation: null } }, "userId", "UNKNOWN_REFERENCE"],
    ["a user of another organisation", { user: { organisation: "city" } }, "userId", "NOT_A_MEMBER"],
  ])("refuses %s", (_name, change, field, code) => {
    expect(assignmentProblems({ ...assignment, ...change })).toEqual([expect.objectContaining({ field: [field], code })]);
  });

  it("accepts open work for a current member, with or without one of its users", () => {
    expect(assignmentProblems(assignment)).toEqual([]);
    expect(assignmentProblems({ ...assignment, user: { organisation: "ngo" } })).toEqual([]);
  });
});

describe("task titles", () => {
  it("prefers the template's title, names the child, else uses the task's own", () => {
    expect(taskTitle("Enrol at school", "ignored", "Omar")).toBe("Enrol at school: Omar");
    expect(taskTitle(null, "Open a bank account", null)).toBe("Open a bank account");
  });
});
