import type { Database } from "../../../src/database/database";
import type { TaskPubSub, TaskTopic } from "../../../src/modules/tasks/task-notifications";
import { insertRow } from "../households/fixtures";

export { count, gid, insertRow, userErrorCodes } from "../households/fixtures";

/** A task written straight to the database: a title of its own unless a template is given. */
export function insertTask(db: Database, row: Record<string, unknown> & { agreement_id: string; assignee_organisation_id: string }): Promise<string> {
  return insertRow(db, "task", { category: "ADMINISTRATION", due_on: "2026-06-01", ...(row.template_id ? {} : { title: "Fixture task" }), ...row });
}

/** A template of our own (its code unique to the test), for titles in three languages. */
export function insertTemplate(db: Database, code: string, titles: { nl: string; fr: string; en: string }, extra: Record<string, unknown> = {}): Promise<string> {
  return insertRow(db, "task_template", {
    code,
    category: "EDUCATION",
    title_nl: titles.nl,
    title_fr: titles.fr,
    title_en: titles.en,
    due_anchor: "ACCOMPANIMENT_START",
    ...extra,
  });
}

export async function personKey(db: Database, householdKey: string, givenName: string): Promise<string> {
  const [row] = await db.manager.query(`SELECT id FROM person WHERE household_id = $1 AND given_name = $2`, [householdKey, givenName]);
  return row.id;
}

/** Row counts of every table a task mutation may write, to prove that a refused one wrote nothing. */
export async function taskFootprint(db: Database): Promise<Record<string, unknown>> {
  const [row] = await db.manager.query(
    `SELECT (SELECT count(*)::int FROM task_event) AS events, (SELECT count(*)::int FROM task_comment) AS comments,
            (SELECT count(*)::int FROM handover) AS handovers, (SELECT count(*)::int FROM audit_event) AS audits,
            (SELECT coalesce(sum(version), 0)::int FROM task) AS task_versions, (SELECT coalesce(sum(version), 0)::int FROM handover) AS handover_versions`,
  );
  return row;
}

/** Collects what live subscribers of a topic hear, until stopped. */
export function listen<T extends TaskTopic>(pubSub: TaskPubSub, topic: T) {
  const heard: Array<Record<string, unknown>> = [];
  const iterator = pubSub.subscribe(topic)[Symbol.asyncIterator]();
  const pump = async (): Promise<void> => {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) heard.push(next.value as Record<string, unknown>);
  };
  void pump();
  return { heard, stop: () => iterator.return?.() };
}
