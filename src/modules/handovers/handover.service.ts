import { type Caller, auditActor } from "../../auth/caller";
import type { ConsortiumScope } from "../../auth/viewer";
import type { Database } from "../../database/database";
import { updateVersioned } from "../../database/versioned-update";
import { keyOf } from "../../graphql/global-id";
import { UserErrorCode, UserErrors, asUserErrors, rejectIf, userError } from "../../graphql/user-error";
import { todayInBrussels } from "../../shared/calendar";
import { type MutationOutcome, type MutationRunner, type MutationScope, conflict, isUniqueViolation } from "../../shared/mutation-runner";
import { type TaskAccess, isCurrentMember, lockTask, requireAssignee, requireOrganisation } from "../tasks/task-access";
import { taskInScope } from "../tasks/task-conditions";
import { recordTaskHistory } from "../tasks/task-history";
import { type TaskPubSub, publishTaskNotification } from "../tasks/task-notifications";
import { isClosed } from "../tasks/task-status";
import { HandoverStatus, TaskEventKind } from "../tasks/task-vocabulary";
import { Task } from "../tasks/task.entity";
import { HandoverStep, handoverStepProblems, proposalProblems, statusAfter } from "./handover-status";
import type { AcceptHandoverInput, DeclineHandoverInput, ProposeHandoverInput, WithdrawHandoverInput } from "./handover.inputs";
import { Handover } from "./handover.entity";

const HISTORY: Record<HandoverStep, TaskEventKind> = {
  [HandoverStep.ACCEPT]: TaskEventKind.HANDOVER_ACCEPTED,
  [HandoverStep.DECLINE]: TaskEventKind.HANDOVER_DECLINED,
  [HandoverStep.WITHDRAW]: TaskEventKind.HANDOVER_WITHDRAWN,
};

/**
 * Hand-overs between members. Every step is a change of the task too: it locks the task first
 * (then the hand-over, the same order as assignments and status changes), bumps its version and
 * writes its history, so a client holding an older version of the task gets CONFLICT.
 */
export class HandoverService {
  constructor(
    private readonly db: Database,
    private readonly mutations: MutationRunner,
    private readonly access: TaskAccess,
    private readonly pubSub: TaskPubSub,
  ) {}

  readMany(scope: ConsortiumScope, keys: readonly string[]): Promise<Handover[]> {
    const inScope = taskInScope("handover.task_id", scope);
    return this.db.manager
      .createQueryBuilder(Handover, "handover")
      .where("handover.id IN (:...keys)", { keys: [...keys] })
      .andWhere(inScope.sql, inScope.params)
      .getMany();
  }

  /** Every hand-over of these tasks, oldest first. */
  ofTasks(scope: ConsortiumScope, taskKeys: readonly string[]): Promise<Handover[]> {
    const inScope = taskInScope("handover.task_id", scope);
    return this.db.manager
      .createQueryBuilder(Handover, "handover")
      .where("handover.task_id IN (:...taskKeys)", { taskKeys: [...taskKeys] })
      .andWhere(inScope.sql, inScope.params)
      .orderBy("handover.created_at", "ASC")
      .addOrderBy("handover.id", "ASC")
      .getMany();
  }

  /** Users of the assignee organisation propose to pass open work to another current member. */
  async propose(caller: Caller, input: ProposeHandoverInput): Promise<MutationOutcome<Handover>> {
    const { task, consortiumKey } = await this.access.task(caller, input.taskId);
    requireAssignee(caller, task, input.expectedVersion);
    const spec = {
      operation: "proposeHandover",
      actor: auditActor(caller),
      idempotencyKey: input.idempotencyKey,
      input,
      reload: (key: string) => this.db.manager.findOneBy(Handover, { key }),
    };
    return this.mutations.run(spec, async (scope) => {
      const before = await lockTask(scope.manager, task.key);
      requireAssignee(caller, before, input.expectedVersion);
      if (before.version !== input.expectedVersion) throw conflict();
      const to = keyOf(input.toOrganisationId, "Organisation");
      rejectIf([to ? null : userError(["input", "toOrganisationId"], UserErrorCode.UNKNOWN_REFERENCE, "No such organisation.")]);
      rejectIf(asUserErrors(proposalProblems({
        taskClosed: isClosed(before.status),
        fromOrganisation: before.assigneeOrganisationKey,
        toOrganisation: to!,
        toIsCurrentMember: await isCurrentMember(scope.manager, consortiumKey, to!, todayInBrussels()),
        openProposalExists: await scope.manager.existsBy(Handover, { taskKey: before.key, status: HandoverStatus.PROPOSED }),
      })));
      const message = input.message?.trim() || null;
      const handover = await this.insertProposal(scope, { taskKey: before.key, fromOrganisationKey: before.assigneeOrganisationKey, toOrganisationKey: to!, message, proposedByUserKey: caller.viewer.userId });
      await updateVersioned(scope.manager, Task, before.key, input.expectedVersion);
      await recordTaskHistory(scope.manager, caller, [
        { taskKey: before.key, kind: TaskEventKind.HANDOVER_PROPOSED, fromOrganisationKey: before.assigneeOrganisationKey, toOrganisationKey: to!, note: message },
      ]);
      await scope.audit({ subjectType: "Handover", subjectKey: handover.key, consortiumKey, before: null, after: handover });
      scope.afterCommit(() => {
        publishTaskNotification(this.pubSub, { topic: "HANDOVER_PROPOSED", handoverKey: handover.key, toOrganisationKey: to!, consortiumKey });
        publishTaskNotification(this.pubSub, { topic: "TASK_CHANGED", taskKey: before.key, householdKey: before.householdKey, consortiumKey });
      });
      return handover;
    });
  }

  /** The receiving member takes the task: it becomes the assignee, for the whole organisation. */
  accept(caller: Caller, input: AcceptHandoverInput): Promise<MutationOutcome<Handover>> {
    return this.decide(caller, "acceptHandover", HandoverStep.ACCEPT, input);
  }

  decline(caller: Caller, input: DeclineHandoverInput): Promise<MutationOutcome<Handover>> {
    return this.decide(caller, "declineHandover", HandoverStep.DECLINE, input, input.reason);
  }

  withdraw(caller: Caller, input: WithdrawHandoverInput): Promise<MutationOutcome<Handover>> {
    return this.decide(caller, "withdrawHandover", HandoverStep.WITHDRAW, input);
  }

  /** The receiver accepts or declines, the proposer withdraws; each answers the proposal once. */
  private async decide(caller: Caller, operation: string, step: HandoverStep, input: { handoverId: string; expectedVersion: number }, reason?: string) {
    const { handover, consortiumKey } = await this.access.handover(caller, input.handoverId);
    const party = (h: Handover) => (step === HandoverStep.WITHDRAW ? h.fromOrganisationKey : h.toOrganisationKey);
    requireOrganisation(caller, party(handover));
    return this.mutations.run({ operation, actor: auditActor(caller), input }, async (scope) => {
      const task = await lockTask(scope.manager, handover.taskKey);
      const before = await scope.manager.findOneByOrFail(Handover, { key: handover.key });
      if (before.version !== input.expectedVersion) throw conflict();
      rejectIf(asUserErrors(handoverStepProblems(before.status, step, reason)));
      const after = await updateVersioned(scope.manager, Handover, before.key, input.expectedVersion, {
        status: statusAfter(before.status, step)!,
        declineReason: step === HandoverStep.DECLINE ? reason!.trim() : null,
        decidedByUserKey: caller.viewer.userId,
        decidedAt: new Date(),
      });
      // The proposal was made by the assignee, and reassigning the task withdraws it: `task` is still with `from`.
      const accepted = step === HandoverStep.ACCEPT;
      const changes = accepted ? { assigneeOrganisationKey: before.toOrganisationKey, assigneeUserKey: null } : {};
      const taskAfter = await updateVersioned(scope.manager, Task, task.key, task.version, changes);
      await recordTaskHistory(scope.manager, caller, [
        { taskKey: task.key, kind: HISTORY[step], fromOrganisationKey: before.fromOrganisationKey, toOrganisationKey: before.toOrganisationKey, note: after.declineReason },
      ]);
      await scope.audit({ subjectType: "Handover", subjectKey: before.key, consortiumKey, before, after });
      if (accepted) await scope.audit({ subjectType: "Task", subjectKey: task.key, consortiumKey, before: task, after: taskAfter });
      scope.afterCommit(() => {
        if (accepted) publishTaskNotification(this.pubSub, { topic: "TASK_ASSIGNED", taskKey: task.key, assigneeOrganisationKey: before.toOrganisationKey, consortiumKey });
        publishTaskNotification(this.pubSub, { topic: "TASK_CHANGED", taskKey: task.key, householdKey: task.householdKey, consortiumKey });
      });
      return after;
    });
  }

  /** The partial unique index keeps one open proposal per task even if two proposals race past the check. */
  private async insertProposal(scope: MutationScope, values: Partial<Handover>): Promise<Handover> {
    try {
      return await scope.manager.save(scope.manager.create(Handover, values));
    } catch (error) {
      if (!isUniqueViolation(error, "handover_one_open_per_task_key")) throw error;
      throw new UserErrors([userError(["input", "taskId"], UserErrorCode.INVALID_STATE, "The task already has an open hand-over.")]);
    }
  }
}
