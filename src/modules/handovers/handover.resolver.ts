import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../graphql/context";
import { notFound } from "../../graphql/errors";
import { PayloadType, payloadOf } from "../../graphql/payload";
import { Organisation } from "../organisations/organisation.entity";
import { Task } from "../tasks/task.entity";
import { User } from "../users/user.entity";
import { Handover } from "./handover.entity";
import { AcceptHandoverInput, DeclineHandoverInput, ProposeHandoverInput, WithdrawHandoverInput } from "./handover.inputs";

const payload = (name: string) => PayloadType(name, "handover", Handover, "The hand-over after the change; its task carries the task's new version.");
const ProposeHandoverPayload = payload("ProposeHandoverPayload");
const AcceptHandoverPayload = payload("AcceptHandoverPayload");
const DeclineHandoverPayload = payload("DeclineHandoverPayload");
const WithdrawHandoverPayload = payload("WithdrawHandoverPayload");

const organisation = async (ctx: RequestContext, key: string) => (await ctx.loaders.organisation.load(key)) ?? Promise.reject(notFound());

@Resolver(() => Handover)
export class HandoverResolver {
  @Mutation(() => ProposeHandoverPayload, {
    description: "Users of the assignee organisation propose to pass an open task to another current member; one open proposal per task.",
  })
  async proposeHandover(@Arg("input") input: ProposeHandoverInput, @Ctx() ctx: RequestContext) {
    return payloadOf("handover", await ctx.services.handovers.propose(ctx, input));
  }

  @Mutation(() => AcceptHandoverPayload, { description: "Users of the receiving organisation take the task over: it becomes theirs, not yet narrowed to a user." })
  async acceptHandover(@Arg("input") input: AcceptHandoverInput, @Ctx() ctx: RequestContext) {
    return payloadOf("handover", await ctx.services.handovers.accept(ctx, input));
  }

  @Mutation(() => DeclineHandoverPayload, { description: "Users of the receiving organisation decline, saying why; the task stays where it was." })
  async declineHandover(@Arg("input") input: DeclineHandoverInput, @Ctx() ctx: RequestContext) {
    return payloadOf("handover", await ctx.services.handovers.decline(ctx, input));
  }

  @Mutation(() => WithdrawHandoverPayload, { description: "Users of the proposing organisation take their open proposal back." })
  async withdrawHandover(@Arg("input") input: WithdrawHandoverInput, @Ctx() ctx: RequestContext) {
    return payloadOf("handover", await ctx.services.handovers.withdraw(ctx, input));
  }

  @FieldResolver(() => Task)
  async task(@Root() handover: Handover, @Ctx() ctx: RequestContext): Promise<Task> {
    return (await ctx.loaders.task.load(handover.taskKey)) ?? Promise.reject(notFound());
  }

  @FieldResolver(() => Organisation, { description: "The member that proposed it: the task's assignee at the time." })
  fromOrganisation(@Root() handover: Handover, @Ctx() ctx: RequestContext): Promise<Organisation> {
    return organisation(ctx, handover.fromOrganisationKey);
  }

  @FieldResolver(() => Organisation, { description: "The member asked to take the task." })
  toOrganisation(@Root() handover: Handover, @Ctx() ctx: RequestContext): Promise<Organisation> {
    return organisation(ctx, handover.toOrganisationKey);
  }

  @FieldResolver(() => User, { nullable: true })
  proposedBy(@Root() handover: Handover, @Ctx() ctx: RequestContext): Promise<User | null> {
    return ctx.loaders.user.load(handover.proposedByUserKey);
  }

  @FieldResolver(() => User, {
    nullable: true,
    description: "Who accepted, declined or withdrew it; for a proposal withdrawn because its task was reassigned or closed, who did that.",
  })
  decidedBy(@Root() handover: Handover, @Ctx() ctx: RequestContext): Promise<User | null> | null {
    return handover.decidedByUserKey ? ctx.loaders.user.load(handover.decidedByUserKey) : null;
  }
}
