import { Arg, Ctx, Field, FieldResolver, Mutation, ObjectType, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../graphql/context";
import { notFound } from "../../graphql/errors";
import { UserError } from "../../graphql/user-error";
import { Agreement } from "../agreements/agreement.entity";
import { Household } from "../households/household.entity";
import { Organisation } from "../organisations/organisation.entity";
import { Task } from "../tasks/task.entity";
import { User } from "../users/user.entity";
import { CooperationEvent } from "./cooperation-event.entity";
import { RecordCooperationEventInput } from "./cooperation.inputs";

/** Besides the event, the payload tells which key-moment tasks the report completed. */
@ObjectType()
class RecordCooperationEventPayload {
  @Field(() => CooperationEvent, { nullable: true, description: "Null when there are user errors." })
  cooperationEvent: CooperationEvent | null;

  @Field(() => [Task], {
    description: "The key-moment tasks a KEY_MOMENT_REPORT completed: each named household's open task for that moment. Already closed tasks are left as they are and not listed.",
  })
  completedTasks: Task[];

  @Field(() => [UserError], { description: "What the user must fix; empty when the mutation succeeded." })
  userErrors: UserError[];
}

const present = <T>(values: Array<T | Error | null>): T[] => values.filter((v): v is T => v !== null && !(v instanceof Error));

@Resolver(() => CooperationEvent)
export class CooperationEventResolver {
  @Mutation(() => RecordCooperationEventPayload, {
    description:
      "Records feedback, a key-moment report or a meeting (members of the agreement's consortium and Fedasil) or an evaluation (Fedasil). A key-moment report completes the households' tasks for that moment.",
  })
  async recordCooperationEvent(@Arg("input") input: RecordCooperationEventInput, @Ctx() ctx: RequestContext): Promise<RecordCooperationEventPayload> {
    const { result, userErrors } = await ctx.services.cooperation.record(ctx, input);
    return { cooperationEvent: result?.event ?? null, completedTasks: result?.completedTasks ?? [], userErrors };
  }

  @FieldResolver(() => Agreement)
  async agreement(@Root() event: CooperationEvent, @Ctx() ctx: RequestContext): Promise<Agreement> {
    return (await ctx.loaders.agreement.load(event.agreementKey)) ?? Promise.reject(notFound());
  }

  @FieldResolver(() => [Household], { description: "The households the event is about, by reference." })
  async households(@Root() event: CooperationEvent, @Ctx() ctx: RequestContext): Promise<Household[]> {
    const links = await ctx.loaders.cooperationEventHouseholds.load(event.key);
    return present(await ctx.loaders.household.loadMany(links.map((link) => link.householdKey)));
  }

  @FieldResolver(() => [Organisation], { description: "The organisations that took part." })
  async participants(@Root() event: CooperationEvent, @Ctx() ctx: RequestContext): Promise<Organisation[]> {
    return present(await ctx.loaders.organisation.loadMany(event.participantOrganisationKeys));
  }

  @FieldResolver(() => User, { description: "Who recorded the event." })
  async recordedBy(@Root() event: CooperationEvent, @Ctx() ctx: RequestContext): Promise<User> {
    return (await ctx.loaders.user.load(event.recordedByUserKey)) ?? Promise.reject(notFound());
  }

  @FieldResolver(() => Organisation, { description: "The organisation of the user who recorded it." })
  async recordedByOrganisation(@Root() event: CooperationEvent, @Ctx() ctx: RequestContext): Promise<Organisation> {
    return (await ctx.loaders.organisation.load(event.recordedByOrganisationKey)) ?? Promise.reject(notFound());
  }
}
