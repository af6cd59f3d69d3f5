import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../graphql/context";
import { notFound } from "../../graphql/errors";
import { Organisation } from "../organisations/organisation.entity";
import { ConsortiumMembership } from "./consortium-membership.entity";
import { Consortium } from "./consortium.entity";

@Resolver(() => ConsortiumMembership)
export class ConsortiumMembershipResolver {
  @FieldResolver(() => Organisation)
  async organisation(@Root() membership: ConsortiumMembership, @Ctx() ctx: RequestContext): Promise<Organisation> {
    return (await ctx.loaders.organisation.load(membership.organisationKey)) ?? Promise.reject(notFound());
  }

  @FieldResolver(() => Consortium)
  async consortium(@Root() membership: ConsortiumMembership, @Ctx() ctx: RequestContext): Promise<Consortium> {
    return (await ctx.loaders.consortium.load(membership.consortiumKey)) ?? Promise.reject(notFound());
  }
}
