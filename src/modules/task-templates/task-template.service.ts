import { type EntityManager, In } from "typeorm";
import { type Caller, auditActor, requirePermission } from "../../auth/caller";
import { Permission } from "../../auth/permissions";
import type { Database } from "../../database/database";
import { updateVersioned } from "../../database/versioned-update";
import { type ConnectionPage, paginate } from "../../graphql/connection";
import { notFound } from "../../graphql/errors";
import { keyOf } from "../../graphql/global-id";
import type { PageArgs } from "../../graphql/pagination";
import { UserErrorCode, UserErrors, asUserErrors, rejectIf, userError } from "../../graphql/user-error";
import { todayInBrussels } from "../../shared/calendar";
import { type MutationOutcome, type MutationRunner, conflict, isUniqueViolation } from "../../shared/mutation-runner";
import { newTemplate } from "./task-template-rules";
import { TaskTemplate } from "./task-template.entity";
import type { CreateTaskTemplateInput, RetireTaskTemplateInput } from "./task-template.inputs";

/** Gap left between templates added at the end, so one can later be placed in between. */
const SORT_STEP = 10;

/** The standard integration path: every signed-in role reads it; Fedasil admins add and retire templates. */
export class TaskTemplateService {
  constructor(private readonly db: Database, private readonly mutations: MutationRunner) {}

  readMany(keys: readonly string[]): Promise<TaskTemplate[]> {
    return this.db.manager.findBy(TaskTemplate, { key: In([...keys]) });
  }

  /** In path order; retired templates only when asked for. */
  list(includeRetired: boolean, page: PageArgs): Promise<ConnectionPage<TaskTemplate>> {
    const query = () => {
      const templates = this.db.manager.createQueryBuilder(TaskTemplate, "template");
      return includeRetired ? templates : templates.where("template.retired_on IS NULL");
    };
    return paginate(page, {
      read: (offset, limit) =>
        query().orderBy("template.sort_order", "ASC").addOrderBy("template.code", "ASC").offset(offset).limit(limit).getMany(),
      count: () => query().getCount(),
    });
  }

  /** The templates a household's path is planned from: those not retired. */
  active(manager: EntityManager): Promise<TaskTemplate[]> {
    return manager
      .createQueryBuilder(TaskTemplate, "template")
      .where("template.retired_on IS NULL")
      .orderBy("template.sort_order", "ASC")
      .addOrderBy("template.code", "ASC")
      .getMany();
  }

  create(caller: Caller, input: CreateTaskTemplateInput): Promise<MutationOutcome<TaskTemplate>> {
    requirePermission(caller, Permission.MANAGE_TASK_TEMPLATES);
    const spec = {
      operation: "createTaskTemplate",
      actor: auditActor(caller),
      idempotencyKey: input.idempotencyKey,
      input,
      reload: (key: string) => this.db.manager.findOneBy(TaskTemplate, { key }),
    };
    return this.mutations.run(spec, async ({ manager, audit }) => {
      const { values, problems } = newTemplate({ ...input, keyMoment: input.keyMoment ?? null });
      rejectIf(asUserErrors(problems));
      const sortOrder = input.sortOrder ?? (await nextSortOrder(manager));
      const template = manager.create(TaskTemplate, { ...values, sortOrder });
      try {
        await manager.save(template);
      } catch (error) {
        if (!isUniqueViolation(error, "task_template_code_key")) throw error;
        throw new UserErrors([userError(["input", "code"], UserErrorCode.TAKEN, "A template with this code already exists.")]);
      }
      await audit({ subjectType: "TaskTemplate", subjectKey: template.key, consortiumKey: null, before: null, after: template });
      return template;
    });
  }

  /** Retired templates create no new tasks; the tasks made from them stay as they are. */
  async retire(caller: Caller, input: RetireTaskTemplateInput): Promise<MutationOutcome<TaskTemplate>> {
    const key = keyOf(input.templateId, "TaskTemplate");
    const target = key ? await this.db.manager.findOneBy(TaskTemplate, { key }) : null;
    if (!target) throw notFound();
    requirePermission(caller, Permission.MANAGE_TASK_TEMPLATES);
    return this.mutations.run({ operation: "retireTaskTemplate", actor: auditActor(caller), input }, async ({ manager, audit }) => {
      const before = await manager.findOneByOrFail(TaskTemplate, { key: target.key });
      if (before.retiredOn) {
        throw new UserErrors([userError(["input", "templateId"], UserErrorCode.INVALID_STATE, `The template was retired on ${before.retiredOn}.`)]);
      }
      if (before.version !== input.expectedVersion) throw conflict();
      const after = await updateVersioned(manager, TaskTemplate, before.key, input.expectedVersion, { retiredOn: todayInBrussels() });
      await audit({ subjectType: "TaskTemplate", subjectKey: after.key, consortiumKey: null, before, after });
      return after;
    });
  }
}

async function nextSortOrder(manager: EntityManager): Promise<number> {
  const [{ last }] = await manager.query(`SELECT coalesce(max(sort_order), 0)::int AS last FROM task_template`);
  return Number(last) + SORT_STEP;
}
