import type { ObjectLiteral } from "typeorm";
import type { ConsortiumScope } from "../../auth/viewer";
import type { Database } from "../../database/database";
import type { Language } from "../../graphql/language";
import { type EntityColumns, entityColumns } from "../../database/entity-rows";
import { Agreement } from "../agreements/agreement.entity";
import { agreementInScope, householdInScope } from "../households/household-scope";
import { Household } from "../households/household.entity";
import { Organisation } from "../organisations/organisation.entity";
import { titleColumn } from "../task-templates/translated-text";
import type { TaskTitleParts } from "./task-title";
import { Task } from "./task.entity";

/** Objects a task list may read in the same statement as its tasks, when its nodes select them. */
export type TaskRelation = "household" | "agreement" | "assigneeOrganisation";

/**
 * What a task list reads: the tasks' properties, and each relation read along with its
 * properties; null stands for all properties (see EntityColumns.only).
 */
export interface TaskReads {
  task: readonly string[] | null;
  along: Partial<Record<TaskRelation, readonly string[] | null>>;
}

/** Whole tasks, nothing read along. */
export const WHOLE_TASKS: TaskReads = { task: null, along: {} };

/** Whether tasks read so are whole, with whole relations: only such tasks may answer others asking for a task by its key. */
export const readsWhole = (reads: TaskReads): boolean => reads.task === null && Object.values(reads.along).every((properties) => properties === null);

/**
 * What a task list read along with a task: the parts of its title in the reader's language, and
 * each relation it was asked for (null where there is none the viewer may see). Resolvers use
 * them instead of loaders.
 */
export interface TaskReadAlong {
  title: TaskTitleParts;
  household?: Household | null;
  agreement?: Agreement | null;
  assigneeOrganisation?: Organisation | null;
}

/** The joins from `task` to what comes along, the columns to select, and how to make the tasks from the rows. */
export interface TaskSource {
  joins: string;
  columns: string;
  params: Record<string, unknown>;
  hydrate(rows: readonly ObjectLiteral[]): Task[];
}

interface Joined {
  join: string;
  columns: EntityColumns<Household | Agreement | Organisation>;
  alias: string;
}

/**
 * Tasks with the parts of their title: the template's title in `language` and the given name of
 * the child a task is about, as far as `scope` (the viewer's household scope) shows persons; and the
 * relations `reads` asks for, with the properties it asks for. A household comes as far as
 * `scope` shows households. A task the scope shows has an agreement the viewer may see (partners
 * see their consortia's agreements, everyone else all) and an assignee everyone may see, so those
 * joins need no condition of their own.
 */
export function taskSource(db: Database, scope: ConsortiumScope, language: Language, reads: TaskReads = WHOLE_TASKS): TaskSource {
  const child = householdInScope("task_child.household_id", scope);
  const household = agreementInScope("along_household.agreement_id", scope);
  const joinable: Record<TaskRelation, Joined> = {
    household: {
      join: `LEFT JOIN household along_household ON along_household.id = task.household_id AND ${household.sql}`,
      columns: entityColumns(db, Household).only(reads.along.household ?? null),
      alias: "along_household",
    },
    agreement: { join: `LEFT JOIN agreement along_agreement ON along_agreement.id = task.agreement_id`, columns: entityColumns(db, Agreement).only(reads.along.agreement ?? null), alias: "along_agreement" },
    assigneeOrganisation: {
      join: `LEFT JOIN organisation along_assignee ON along_assignee.id = task.assignee_organisation_id`,
      columns: entityColumns(db, Organisation).only(reads.along.assigneeOrganisation ?? null),
      alias: "along_assignee",
    },
  };
  const tasks = entityColumns(db, Task).only(reads.task);
  const relations = Object.keys(reads.along) as TaskRelation[];
  const joined = relations.map((relation) => ({ relation, prefix: `${relation}.`, keyField: `${relation}.key`, ...joinable[relation] }));
  return {
    joins: [
      `LEFT JOIN task_template task_template ON task_template.id = task.template_id`,
      `LEFT JOIN person task_child ON task_child.id = task.person_id AND ${child.sql}`,
      ...joined.map((j) => j.join),
    ].join("\n"),
    columns: [
      tasks.select("task"),
      `${titleColumn("task_template", language)} AS "templateTitle"`,
      `task_child.given_name AS "childName"`,
      ...joined.map((j) => j.columns.select(j.alias, j.prefix)),
    ].join(", "),
    params: { ...child.params, ...household.params },
    hydrate: (rows) => {
      // Many tasks share a household, an agreement or an assignee: each is made once per read.
      const made = joined.map(() => new Map<string, Household | Agreement | Organisation | null>());
      return rows.map((row) => {
        const task = tasks.from(row)!;
        const along: TaskReadAlong = { title: { templateTitle: row.templateTitle ?? null, childName: row.childName ?? null } };
        joined.forEach((j, i) => {
          const key = row[j.keyField] as string | null;
          if (key !== null && !made[i].has(key)) made[i].set(key, j.columns.from(row, j.prefix));
          along[j.relation] = key === null ? null : (made[i].get(key) as never);
        });
        task.readAlong = along;
        return task;
      });
    },
  };
}

/**
 * Tasks matching `where` (SQL over the alias `task`, with its parameters); with `page`, only that
 * slice in that order (ORDER BY over `task`), chosen before anything is joined to it.
 */
export async function readTasks(
  db: Database,
  source: TaskSource,
  where: { sql: string; params: Record<string, unknown> },
  page?: { orderBy: string; offset: number; limit: number },
): Promise<Task[]> {
  const tasks = page
    ? `(SELECT task.* FROM task WHERE ${where.sql} ORDER BY ${page.orderBy} OFFSET :pageOffset LIMIT :pageLimit) task`
    : "task";
  const [sql, parameters] = db.dataSource.driver.escapeQueryWithParameters(
    page
      ? `SELECT ${source.columns} FROM ${tasks} ${source.joins} ORDER BY ${page.orderBy}`
      : `SELECT ${source.columns} FROM ${tasks} ${source.joins} WHERE ${where.sql}`,
    { ...source.params, ...where.params, pageOffset: page?.offset, pageLimit: page?.limit },
  );
  return source.hydrate(await db.select(sql, parameters));
}
