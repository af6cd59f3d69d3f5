import type { Database } from "../../database/database";
import type { MutationRunner } from "../../shared/mutation-runner";
import { HandoverService } from "../handovers/handover.service";
import { UserService } from "../users/user.service";
import { TaskAccess } from "./task-access";
import type { TaskPubSub } from "./task-notifications";
import { TaskWorkService } from "./task-work.service";
import { TaskService } from "./task.service";

/** The services of task coordination, sharing one way of finding a mutation's target and one notification channel. */
export function createTaskServices(db: Database, mutations: MutationRunner, taskPubSub: TaskPubSub) {
  const access = new TaskAccess(db);
  return {
    tasks: new TaskService(db),
    taskWork: new TaskWorkService(db, mutations, access, taskPubSub, new UserService(db)),
    handovers: new HandoverService(db, mutations, access, taskPubSub),
  };
}

export type TaskServices = ReturnType<typeof createTaskServices>;
