import type { Pool } from "pg";
import { toGlobalId } from "../../src/graphql/global-id";
import type { ArrivalQueue } from "../arrivals";
import { OPERATIONS, type Picks, arrivalRequest, thuisRequest } from "../operations";

/** The reference operations (a) to (e), and (f) a task's status changed. */
export type SoakOperation = "a" | "b" | "c" | "d" | "e" | "f";

/** Each operation's share of the requests: mostly reads, a fifth of them writes. */
export const MIX: ReadonlyArray<readonly [SoakOperation, number]> = [
  ["a", 0.2],
  ["b", 0.25],
  ["c", 0.15],
  ["d", 0.1],
  ["e", 0.1],
  ["f", 0.2],
];

/** (f) Work moves on: a task of a household the soak registered goes from OPEN to IN_PROGRESS and back. */
export const UPDATE_TASK_STATUS = `mutation UpdateTaskStatus($input: UpdateTaskStatusInput!) {
  updateTaskStatus(input: $input) {
    task { id status version }
    userErrors { field message code }
  }
}`;

/** The operation of a draw in [0, 1), by the shares of MIX. */
export function operationAt(draw: number): SoakOperation {
  let bound = 0;
  for (const [operation, share] of MIX) {
    bound += share;
    if (draw < bound) return operation;
  }
  return MIX[MIX.length - 1][0];
}

export interface SoakRequest {
  operation: SoakOperation;
  subject: string;
  body: string;
  /** Told the answer's data when it was right, null when not. */
  settle?: (data: any) => void;
}

interface OpenTask {
  key: string;
  version: number;
  status: "OPEN" | "IN_PROGRESS";
}

/**
 * Makes each request of the mix. Each PLANNED household is registered once. A task is changed by
 * one request at a time, with the version its last answer gave, so writes meet no conflicts of
 * the soak's own making. Until registered households have tasks, (f) registers an arrival instead.
 */
export class SoakWork {
  private readonly tasks: OpenTask[] = [];
  private filling: Promise<void> | null = null;

  constructor(
    private readonly picks: Picks,
    private readonly arrivals: ArrivalQueue,
    private readonly admin: Pool,
    /** The organisation of the arrivals' coordinator: it may move the tasks assigned to it. */
    private readonly organisationKey: string,
    /** PLANNED households kept waiting, made in batches of this size. */
    private readonly reserve: number,
  ) {}

  /** The request for the operation drawn; null when no PLANNED household is left (the reserve could not keep up). */
  next(operation: SoakOperation): SoakRequest | null {
    if (operation === "f" && this.tasks.length > 0) return this.taskUpdate(this.tasks.shift()!);
    if (operation === "e" || operation === "f") return this.arrival();
    const { subject, variables } = thuisRequest(operation, this.picks);
    return { operation, subject, body: JSON.stringify({ query: OPERATIONS[operation].document, variables }) };
  }

  private arrival(): SoakRequest | null {
    if (this.arrivals.remaining < this.reserve / 2 && !this.filling) {
      this.filling = this.arrivals
        .fill(this.reserve)
        .catch((error: Error) => console.error(`Could not add PLANNED households: ${error.message}`))
        .finally(() => (this.filling = null));
    }
    const household = this.arrivals.take();
    if (!household) return null;
    const { subject, variables } = arrivalRequest(this.picks, household);
    const settle = (data: any) => data && void this.addTasksOf(household).catch(() => undefined);
    return { operation: "e", subject, body: JSON.stringify({ query: OPERATIONS.e.document, variables }), settle };
  }

  private taskUpdate(task: OpenTask): SoakRequest {
    const status = task.status === "OPEN" ? "IN_PROGRESS" : "OPEN";
    const variables = { input: { taskId: toGlobalId("Task", task.key), expectedVersion: task.version, status } };
    // A right answer gives the task back with its new version; a wrong one drops it.
    const settle = (data: any) => data && this.tasks.push({ key: task.key, version: data.updateTaskStatus.task.version, status });
    return { operation: "f", subject: this.picks.arrivals.subject, body: JSON.stringify({ query: UPDATE_TASK_STATUS, variables }), settle };
  }

  private async addTasksOf(household: string): Promise<void> {
    const { rows } = await this.admin.query(
      `SELECT id AS key, version, status FROM task WHERE household_id = $1 AND assignee_organisation_id = $2 AND status IN ('OPEN', 'IN_PROGRESS')`,
      [household, this.organisationKey],
    );
    this.tasks.push(...(rows as OpenTask[]));
  }

  /** Waits for a refill of PLANNED households under way. */
  async settled(): Promise<void> {
    await this.filling;
  }
}
