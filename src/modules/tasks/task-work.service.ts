import { type Caller, auditActor } from "../../auth/caller";
import { Permission, may } from "../../auth/permissions";
import type { Database } from "../../database/database";
import { updateVersioned } from "../../database/versioned-update";
import { forbidden } from "../../graphql/errors";
import { keyOf } from "../../graphql/global-id";
import { UserErrorCode, asUserErrors, rejectIf, userError } from "../../graphql/user-error";
import { todayInBrussels } from "../../shared/calendar";
import { type MutationOutcome, type MutationRunner, conflict } from "../../shared/mutation-runner";
import { withdrawOpenHandover } from "../handovers/handover-closing";
import { withdrawnByTaskChange } from "../handovers/handover-status";
import type { UserService } from "../users/user.service";
import { type TaskAccess, isCurrentMember, lockTask, requireAssignee } from "./task-access";
import { assignmentProblems, mayAssign } from "./task-assignment";
import { TaskComment } from "./task-comment.entity";
import { recordTaskHistory } from "./task-history";
import { type TaskPubSub, publishTaskNotification } from "./task-notifications";
import { isClosed } from "./task-status";
import { changeTaskStatus } from "./task-status-change";
import { TaskEventKind } from "./task-vocabulary";
import type { AssignTaskInput, CommentOnTaskInput, UpdateTaskStatusInput } from "./task.inputs";
import { Task } from "./task.entity";

/** The work members do on a task: assign it, move its status, comment on it. */
export class TaskWorkService {
  constructor(
    private readonly db: Database,
    private readonly mutations: MutationRunner,
    private readonly access: TaskAccess,
    private readonly pubSub: TaskPubSub,
    private readonly users: UserService,
  ) {}

  async assign(caller: Caller, input: AssignTaskInput): Promise<MutationOutcome<Task>> {
    const { task, consortiumKey } = await this.access.task(caller, input.taskId);
    const organisation = keyOf(input.organisationId, "Organisation");
    const assigner = { assignsAnyTask: may(caller.viewer.role, Permission.ASSIGN_TASKS), organisation: caller.viewer.organisationId };
    // Judged on the version the caller acted on, as requireAssignee: a lost race answers CONFLICT, not FORBIDDEN.
    if (task.version === input.expectedVersion && !mayAssign(assigner, task.assigneeOrganisationKey, organisation)) throw forbidden();
    // A user the caller may not see (of another consortium) is answered as one that does not exist.
    const userKey = input.userId ? keyOf(input.userId, "User") : null;
    const [user] = userKey ? await this.users.readVisible(caller.viewer, [userKey]) : [];
    return this.mutations.run({ operation: "assignTask", actor: auditActor(caller), input }, async (scope) => {
      const before = await lockTask(scope.manager, task.key);
      if (before.version !== input.expectedVersion) throw conflict();
      if (!mayAssign(assigner, before.assigneeOrganisationKey, organisation)) throw forbidden();
      rejectIf(asUserErrors(assignmentProblems({
        taskClosed: isClosed(before.status),
        organisation,
        organisationIsCurrentMember: organisation !== null && (await isCurrentMember(scope.manager, consortiumKey, organisation, todayInBrussels())),
        user: input.userId ? { organisation: user?.organisationKey ?? null } : null,
      })));
      const reassigned = organisation !== before.assigneeOrganisationKey;
      const after = await updateVersioned(scope.manager, Task, before.key, input.expectedVersion, {
        assigneeOrganisationKey: organisation!,
        assigneeUserKey: user?.key ?? null,
      });
      await recordTaskHistory(scope.manager, caller, [
        { taskKey: before.key, kind: TaskEventKind.ASSIGNED, fromOrganisationKey: before.assigneeOrganisationKey, toOrganisationKey: organisation },
      ]);
      if (withdrawnByTaskChange({ assigneeChanged: reassigned, closed: false })) {
        await withdrawOpenHandover(scope, caller, before.key, consortiumKey, "The task was assigned to another member.");
      }
      scope.audit({ subjectType: "Task", subjectKey: before.key, consortiumKey, before, after });
      scope.afterCommit(() => {
        if (reassigned) publishTaskNotification(this.pubSub, { topic: "TASK_ASSIGNED", taskKey: after.key, assigneeOrganisationKey: organisation!, consortiumKey });
        publishTaskNotification(this.pubSub, { topic: "TASK_CHANGED", taskKey: after.key, householdKey: after.householdKey, consortiumKey });
      });
      return after;
    });
  }

  /** Users of the assignee organisation move the task along its state machine. */
  async updateStatus(caller: Caller, input: UpdateTaskStatusInput): Promise<MutationOutcome<Task>> {
    const { task, consortiumKey } = await this.access.task(caller, input.taskId);
    requireAssignee(caller, task, input.expectedVersion);
    return this.mutations.run({ operation: "updateTaskStatus", actor: auditActor(caller), input }, async (scope) => {
      const before = await lockTask(scope.manager, task.key);
      requireAssignee(caller, before, input.expectedVersion);
      const change = { to: input.status, reason: input.reason, expectedVersion: input.expectedVersion };
      return changeTaskStatus(scope, caller, this.pubSub, before, consortiumKey, change);
    });
  }

  /** Any partner user of the consortium comments on any of its tasks. */
  async comment(caller: Caller, input: CommentOnTaskInput): Promise<MutationOutcome<TaskComment>> {
    const { task, consortiumKey } = await this.access.task(caller, input.taskId);
    const spec = {
      operation: "commentOnTask",
      actor: auditActor(caller),
      idempotencyKey: input.idempotencyKey,
      input,
      reload: (key: string) => this.db.manager.findOneBy(TaskComment, { key }),
    };
    return this.mutations.run(spec, async ({ manager, audit, afterCommit }) => {
      const body = input.body.trim();
      rejectIf([body ? null : userError(["input", "body"], UserErrorCode.REQUIRED, "Write something to comment.")]);
      const comment = await manager.save(
        manager.create(TaskComment, { taskKey: task.key, authorUserKey: caller.viewer.userId, authorOrganisationKey: caller.viewer.organisationId, body }),
      );
      await recordTaskHistory(manager, caller, [{ taskKey: task.key, kind: TaskEventKind.COMMENTED }]);
      audit({ subjectType: "TaskComment", subjectKey: comment.key, consortiumKey, before: null, after: comment });
      afterCommit(() => publishTaskNotification(this.pubSub, { topic: "TASK_CHANGED", taskKey: task.key, householdKey: task.householdKey, consortiumKey }));
      return comment;
    });
  }
}
