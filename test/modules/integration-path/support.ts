import type { Database } from "../../../src/database/database";
import type { TaskNotification, TaskPubSub, TaskTopic } from "../../../src/modules/tasks/task-notifications";
import type { TestApp } from "../../support/test-app";
import { type MemberRow, count, gid, insertHousehold } from "../households/fixtures";

export const REGISTER = `mutation Register($input: RegisterArrivalInput!) {
  registerArrival(input: $input) {
    household { id status arrivedOn arrivalRoute accompanimentStartsOn accompanimentEndsOn extendedOn version }
    userErrors { field code message }
  }
}`;

export const EXTEND = `mutation Extend($input: ExtendAccompanimentInput!) {
  extendAccompaniment(input: $input) {
    household { id status accompanimentStartsOn accompanimentEndsOn extendedOn version }
    userErrors { field code message }
  }
}`;

/** Two parents, two children of school age and a toddler on 31 January 2026. */
export const FAMILY: MemberRow[] = [
  { given_name: "Yara", birth_date: "1985-03-10", relationship: "HEAD" },
  { given_name: "Karim", birth_date: "1987-07-22", relationship: "PARTNER" },
  { given_name: "Lina", birth_date: "2013-09-01", relationship: "CHILD" },
  { given_name: "Sami", birth_date: "2018-11-20", relationship: "CHILD" },
  { given_name: "Nour", birth_date: "2023-05-05", relationship: "CHILD" },
];

export const plannedHousehold = (db: Database, agreementKey: string, reference: string, members: MemberRow[] = FAMILY): Promise<string> =>
  insertHousehold(db, agreementKey, reference, { arrival_route: "DIRECT", expected_arrival_on: "2026-01-31" }, members);

export const register = (t: TestApp, householdKey: string, subject: string, input: Record<string, unknown> = {}) =>
  t.gql(REGISTER, { input: { householdId: gid("Household", householdKey), arrivedOn: "2026-01-31", arrivalRoute: "DIRECT", expectedVersion: 1, ...input } }, subject);

export interface TaskRow {
  id: string;
  code: string;
  child: string | null;
  category: string;
  due_on: string;
  assignee: string;
  status: string;
  version: number;
}

/** A household's tasks with their template codes, children's names and assignees' names, in a stable order. */
export const tasksOf = (db: Database, householdKey: string): Promise<TaskRow[]> =>
  db.manager.query(
    `SELECT task.id, template.code, person.given_name AS child, task.category, to_char(task.due_on, 'YYYY-MM-DD') AS due_on,
            organisation.name AS assignee, task.status, task.version
       FROM task JOIN task_template template ON template.id = task.template_id
       JOIN organisation ON organisation.id = task.assignee_organisation_id
       LEFT JOIN person ON person.id = task.person_id
      WHERE task.household_id = $1
      ORDER BY template.sort_order, person.birth_date`,
    [householdKey],
  );

/** Row counts of every table registerArrival and extendAccompaniment write. */
export async function footprint(db: Database): Promise<Record<string, number>> {
  const tables = ["household", "task", "task_event", "audit_event", "idempotency_record"];
  const counts = Object.fromEntries(await Promise.all(tables.map(async (table) => [table, await count(db, table)])));
  const [{ versions }] = await db.manager.query(`SELECT (SELECT coalesce(sum(version), 0) FROM household) + (SELECT coalesce(sum(version), 0) FROM task) AS versions`);
  return { ...counts, versions: Number(versions) };
}

/** Everything published on a topic from now on, until stopped. */
export function recordNotifications<T extends TaskTopic>(pubSub: TaskPubSub, topic: T) {
  const received: Array<Extract<TaskNotification, { topic: T }>> = [];
  const subscription = pubSub.subscribe(topic)[Symbol.asyncIterator]();
  let stopped = false;
  const listening = (async () => {
    while (!stopped) {
      const next = await subscription.next();
      if (next.done) return;
      received.push(next.value as Extract<TaskNotification, { topic: T }>);
    }
  })();
  return {
    received,
    /** Lets pending deliveries arrive, then ends the subscription. */
    async stop() {
      await new Promise((resolve) => setImmediate(resolve));
      stopped = true;
      await subscription.return?.();
      await listening;
    },
  };
}
