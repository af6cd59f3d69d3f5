import fc from "fast-check";
import {
  HandoverStep,
  handoverStepProblems,
  isOpen,
  proposalProblems,
  statusAfter,
  withdrawnByTaskChange,
} from "../../../src/modules/handovers/handover-status";
import { HandoverStatus } from "../../../src/modules/tasks/task-vocabulary";

const { PROPOSED, ACCEPTED, DECLINED, WITHDRAWN } = HandoverStatus;
const { ACCEPT, DECLINE, WITHDRAW } = HandoverStep;
const MEMBERS = ["city", "pcsw", "ngo", "gone"] as const;
type Member = (typeof MEMBERS)[number];
const current = (member: Member) => member !== "gone";

describe("hand-over state machine", () => {
  it.each([
    [ACCEPT, ACCEPTED],
    [DECLINE, DECLINED],
    [WITHDRAW, WITHDRAWN],
  ])("answers a proposal with %s: %s", (step, outcome) => {
    expect(statusAfter(PROPOSED, step)).toBe(outcome);
    expect(handoverStepProblems(PROPOSED, step, "reason")).toEqual([]);
  });

  it("answers a proposal once: every outcome is final", () => {
    for (const status of [ACCEPTED, DECLINED, WITHDRAWN]) {
      expect(isOpen(status)).toBe(false);
      for (const step of Object.values(HandoverStep)) {
        expect(statusAfter(status, step)).toBeNull();
        expect(handoverStepProblems(status, step, "reason")).toEqual([expect.objectContaining({ code: "INVALID_STATE" })]);
      }
    }
  });

  it("asks a reason to decline, not to accept or withdraw", () => {
    expect(handoverStepProblems(PROPOSED, DECLINE, " ")).toEqual([expect.objectContaining({ field: ["reason"], code: "REQUIRED" })]);
    expect(handoverStepProblems(PROPOSED, ACCEPT)).toEqual([]);
    expect(handoverStepProblems(PROPOSED, WITHDRAW)).toEqual([]);
  });

  const proposal = { taskClosed: false, fromOrganisation: "pcsw", toOrganisation: "ngo", toIsCurrentMember: true, openProposalExists: false };
  it.each([
    ["a closed task", { taskClosed: true }, "taskId", "INVALID_STATE"],
    ["a second open proposal", { openProposalExists: true }, "taskId", "INVALID_STATE"],
    ["the assignee itself", { toOrganisation: "pcsw" }, "toOrganisationId", "INVALID"],
    ["a member that left or never joined", { toIsCurrentMember: false }, "toOrganisationId", "NOT_A_MEMBER"],
  ])("refuses a proposal of %s", (_name, change, field, code) => {
    expect(proposalProblems({ ...proposal, ...change })).toEqual([expect.objectContaining({ field: [field], code })]);
  });

  it("withdraws an open proposal when its task goes to another member or closes", () => {
    expect(withdrawnByTaskChange({ assigneeChanged: true, closed: false })).toBe(true);
    expect(withdrawnByTaskChange({ assigneeChanged: false, closed: true })).toBe(true);
    expect(withdrawnByTaskChange({ assigneeChanged: false, closed: false })).toBe(false);
  });

  /** A task and its hand-overs, changed only through the rules above, as the services do. */
  type Action =
    | { kind: "propose"; to: Member }
    | { kind: "step"; step: HandoverStep; which: number; reason: string }
    | { kind: "reassign"; to: Member }
    | { kind: "close" }
    | { kind: "reopen" };

  const action: fc.Arbitrary<Action> = fc.oneof(
    fc.record({ kind: fc.constant("propose" as const), to: fc.constantFrom(...MEMBERS) }),
    fc.record({ kind: fc.constant("step" as const), step: fc.constantFrom(ACCEPT, DECLINE, WITHDRAW), which: fc.nat(9), reason: fc.constantFrom("", "busy") }),
    fc.record({ kind: fc.constant("reassign" as const), to: fc.constantFrom(...MEMBERS) }),
    fc.constant({ kind: "close" as const }),
    fc.constant({ kind: "reopen" as const }),
  );

  it("never reaches an illegal state, whatever members do in whatever order", () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 40 }), (actions) => {
        const task = { assignee: "pcsw" as Member, closed: false };
        const handovers: Array<{ from: Member; to: Member; status: HandoverStatus }> = [];
        const withdrawOpen = () => handovers.filter((h) => isOpen(h.status)).forEach((h) => (h.status = WITHDRAWN));
        for (const a of actions) {
          const open = handovers.filter((h) => isOpen(h.status));
          if (a.kind === "propose") {
            const facts = { taskClosed: task.closed, fromOrganisation: task.assignee, toOrganisation: a.to, toIsCurrentMember: current(a.to), openProposalExists: open.length > 0 };
            if (proposalProblems(facts).length === 0) handovers.push({ from: task.assignee, to: a.to, status: PROPOSED });
          } else if (a.kind === "step") {
            const handover = handovers[a.which % Math.max(handovers.length, 1)];
            if (!handover || handoverStepProblems(handover.status, a.step, a.reason).length > 0) continue;
            const before = handover.status;
            handover.status = statusAfter(before, a.step)!;
            expect(before).toBe(PROPOSED);
            if (a.step === ACCEPT) task.assignee = handover.to;
          } else if (a.kind === "reassign" && !task.closed && current(a.to)) {
            if (withdrawnByTaskChange({ assigneeChanged: a.to !== task.assignee, closed: false })) withdrawOpen();
            task.assignee = a.to;
          } else if (a.kind === "close" && !task.closed) {
            if (withdrawnByTaskChange({ assigneeChanged: false, closed: true })) withdrawOpen();
            task.closed = true;
          } else if (a.kind === "reopen") {
            task.closed = false;
          }
          const stillOpen = handovers.filter((h) => isOpen(h.status));
          // At most one open proposal, always from the task's current assignee, to another current member, of open work.
          expect(stillOpen.length).toBeLessThanOrEqual(1);
          for (const h of stillOpen) {
            expect(h.from).toBe(task.assignee);
            expect(h.to).not.toBe(h.from);
            expect(current(h.to)).toBe(true);
            expect(task.closed).toBe(false);
          }
          // Work only ever lands with a current member.
          expect(current(task.assignee)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
