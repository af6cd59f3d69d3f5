import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import { ConnectionType } from "../../graphql/connection";
import type { RequestContext } from "../../graphql/context";
import { notFound } from "../../graphql/errors";
import { PageArgsInput } from "../../graphql/page-args";
import { todayInBrussels } from "../../shared/calendar";
import { Agreement } from "../agreements/agreement.entity";
import { Handover } from "../handovers/handover.entity";
import { isOpen } from "../handovers/handover-status";
import { Household } from "../households/household.entity";
import { Person } from "../households/person.entity";
import { titleIn } from "../task-templates/translated-text";
import { Organisation } from "../organisations/organisation.entity";
import { User } from "../users/user.entity";
import { TaskComment } from "./task-comment.entity";
import { TaskEvent } from "./task-event.entity";
import { isOverdue } from "./task-status";
import { type TaskTitleParts, taskTitle } from "./task-title";
import { taskReads } from "./task-reads";
import { readsWhole } from "./task-rows";
import { TaskFilter, TaskOrder } from "./task.inputs";
import { Task } from "./task.entity";

export const TaskConnection = ConnectionType(Task, "Task");

@Resolver(() => Task)
export class TaskResolver {
  @Query(() => TaskConnection, {
    description: "Tasks of the consortia you belong to (Fedasil: all; evaluators: none). Filter assignedToMyOrganisation for \"my work\". By due date when orderBy is left out.",
  })
  async tasks(
    @Args() page: PageArgsInput,
    @Arg("filter", () => TaskFilter, { nullable: true }) filter: TaskFilter | null,
    @Arg("orderBy", () => TaskOrder, { nullable: true }) orderBy: TaskOrder | null,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const reads = taskReads(info);
    const list = await ctx.services.tasks.list(ctx.viewer, ctx.language, filter, orderBy, page, reads);
    // Hand-overs and history entries asking for their task then find it without another statement.
    if (readsWhole(reads)) for (const task of list.nodes) ctx.loaders.task.prime(task.key, task);
    return list;
  }

  @FieldResolver(() => String, {
    description: "The template's title in your language (Accept-Language), or the task's own title; a task about one child ends with the child's given name.",
  })
  title(@Root() task: Task, @Ctx() ctx: RequestContext): string | Promise<string> {
    const titled = ({ templateTitle, childName }: TaskTitleParts) => taskTitle(templateTitle, task.customTitle, childName);
    return task.readAlong ? titled(task.readAlong.title) : titleParts(task, ctx).then(titled);
  }

  @FieldResolver(() => Boolean, { description: "Open and due before today (Europe/Brussels)." })
  isOverdue(@Root() task: Task): boolean {
    return isOverdue(task.status, task.dueOn, todayInBrussels());
  }

  @FieldResolver(() => Household, { nullable: true, description: "Null for an agreement-level task." })
  household(@Root() task: Task, @Ctx() ctx: RequestContext): Household | Promise<Household | null> | null {
    const along = task.readAlong?.household;
    if (along !== undefined) return along;
    return task.householdKey ? ctx.loaders.household.load(task.householdKey) : null;
  }

  @FieldResolver(() => Agreement)
  agreement(@Root() task: Task, @Ctx() ctx: RequestContext): Agreement | Promise<Agreement> {
    return task.readAlong?.agreement ?? orNotFound(ctx.loaders.agreement.load(task.agreementKey));
  }

  @FieldResolver(() => Person, { nullable: true, description: "The child a school-enrolment task is about." })
  person(@Root() task: Task, @Ctx() ctx: RequestContext): Promise<Person | null> | null {
    return task.personKey ? ctx.loaders.person.load(task.personKey) : null;
  }

  @FieldResolver(() => Organisation, { description: "The member that owns the task." })
  assigneeOrganisation(@Root() task: Task, @Ctx() ctx: RequestContext): Organisation | Promise<Organisation> {
    return task.readAlong?.assigneeOrganisation ?? orNotFound(ctx.loaders.organisation.load(task.assigneeOrganisationKey));
  }

  @FieldResolver(() => User, { nullable: true, description: "The one user of the assignee organisation the task is narrowed to, if any." })
  assigneeUser(@Root() task: Task, @Ctx() ctx: RequestContext): Promise<User | null> | null {
    return task.assigneeUserKey ? ctx.loaders.user.load(task.assigneeUserKey) : null;
  }

  @FieldResolver(() => User, { nullable: true, description: "Who marked the task DONE (with doneAt); null unless DONE." })
  doneBy(@Root() task: Task, @Ctx() ctx: RequestContext): Promise<User | null> | null {
    return task.doneByUserKey ? ctx.loaders.user.load(task.doneByUserKey) : null;
  }

  @FieldResolver(() => [TaskEvent], { description: "Creation, assignments, status changes, comments and hand-overs, oldest first." })
  history(@Root() task: Task, @Ctx() ctx: RequestContext): Promise<TaskEvent[]> {
    return ctx.loaders.taskHistory.load(task.key);
  }

  @FieldResolver(() => [TaskComment], { description: "Oldest first." })
  comments(@Root() task: Task, @Ctx() ctx: RequestContext): Promise<TaskComment[]> {
    return ctx.loaders.taskComments.load(task.key);
  }

  @FieldResolver(() => [Handover], { description: "Every hand-over proposed for the task, oldest first." })
  handovers(@Root() task: Task, @Ctx() ctx: RequestContext): Promise<Handover[]> {
    return ctx.loaders.taskHandovers.load(task.key);
  }

  @FieldResolver(() => Handover, { nullable: true, description: "The proposal waiting for an answer; a task has at most one." })
  async openHandover(@Root() task: Task, @Ctx() ctx: RequestContext): Promise<Handover | null> {
    return (await ctx.loaders.taskHandovers.load(task.key)).find((h) => isOpen(h.status)) ?? null;
  }
}

/** The parts of the title of a task read without them (e.g. by a mutation). */
async function titleParts(task: Task, ctx: RequestContext): Promise<TaskTitleParts> {
  const [template, child] = await Promise.all([
    task.templateKey ? ctx.loaders.taskTemplate.load(task.templateKey) : null,
    task.personKey ? ctx.loaders.person.load(task.personKey) : null,
  ]);
  return { templateTitle: template ? titleIn(template, ctx.language) : null, childName: child?.givenName ?? null };
}

async function orNotFound<T>(found: Promise<T | null>): Promise<T> {
  return (await found) ?? Promise.reject(notFound());
}
