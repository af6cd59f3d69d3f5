import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../graphql/context";
import { notFound } from "../../graphql/errors";
import { Organisation } from "../organisations/organisation.entity";
import { User } from "../users/user.entity";
import { TaskComment } from "./task-comment.entity";
import { TaskEvent } from "./task-event.entity";
import { Task } from "./task.entity";

const organisationOf = (ctx: RequestContext, key: string | null) => (key ? ctx.loaders.organisation.load(key) : null);
const taskOf = async (ctx: RequestContext, key: string) => (await ctx.loaders.task.load(key)) ?? Promise.reject(notFound());

@Resolver(() => TaskEvent)
export class TaskEventResolver {
  @FieldResolver(() => Task)
  task(@Root() event: TaskEvent, @Ctx() ctx: RequestContext): Promise<Task> {
    return taskOf(ctx, event.taskKey);
  }

  @FieldResolver(() => User, { nullable: true, description: "Who made the change (for tasks created by registerArrival: the coordinator who registered it); null when you may not see that user." })
  actorUser(@Root() event: TaskEvent, @Ctx() ctx: RequestContext): Promise<User | null> | null {
    return event.actorUserKey ? ctx.loaders.user.load(event.actorUserKey) : null;
  }

  @FieldResolver(() => Organisation, { nullable: true, description: "The organisation the actor worked for." })
  actorOrganisation(@Root() event: TaskEvent, @Ctx() ctx: RequestContext) {
    return organisationOf(ctx, event.actorOrganisationKey);
  }

  @FieldResolver(() => Organisation, { nullable: true, description: "Assignments and hand-overs: the member the task came from." })
  fromOrganisation(@Root() event: TaskEvent, @Ctx() ctx: RequestContext) {
    return organisationOf(ctx, event.fromOrganisationKey);
  }

  @FieldResolver(() => Organisation, { nullable: true, description: "Assignments and hand-overs: the member the task went (or was proposed) to." })
  toOrganisation(@Root() event: TaskEvent, @Ctx() ctx: RequestContext) {
    return organisationOf(ctx, event.toOrganisationKey);
  }
}

@Resolver(() => TaskComment)
export class TaskCommentResolver {
  @FieldResolver(() => Task)
  task(@Root() comment: TaskComment, @Ctx() ctx: RequestContext): Promise<Task> {
    return taskOf(ctx, comment.taskKey);
  }

  @FieldResolver(() => User, { nullable: true, description: "Null when you may not see the author." })
  author(@Root() comment: TaskComment, @Ctx() ctx: RequestContext): Promise<User | null> {
    return ctx.loaders.user.load(comment.authorUserKey);
  }

  @FieldResolver(() => Organisation, { nullable: true })
  authorOrganisation(@Root() comment: TaskComment, @Ctx() ctx: RequestContext) {
    return organisationOf(ctx, comment.authorOrganisationKey);
  }
}
