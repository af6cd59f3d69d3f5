import { Ctx, Field, FieldResolver, ObjectType, Query, Resolver, Root } from "type-graphql";
import { Role } from "../../auth/roles";
import type { RequestContext } from "../../graphql/context";
import { notFound } from "../../graphql/errors";
import { Organisation } from "../organisations/organisation.entity";
import { User } from "./user.entity";

@ObjectType({ simpleResolvers: true, description: "The signed-in user, its organisation and roles." })
export class ViewerInfo {
  userKey: string;
  organisationKey: string;

  @Field(() => [Role])
  roles: Role[];
}

@Resolver(() => ViewerInfo)
export class ViewerResolver {
  @Query(() => ViewerInfo, { name: "viewer", description: "Who you are signed in as." })
  viewer(@Ctx() ctx: RequestContext): ViewerInfo {
    const { userId, organisationId, role } = ctx.viewer;
    return Object.assign(new ViewerInfo(), { userKey: userId, organisationKey: organisationId, roles: [role] });
  }

  @FieldResolver(() => User)
  async user(@Root() viewer: ViewerInfo, @Ctx() ctx: RequestContext): Promise<User> {
    return (await ctx.loaders.user.load(viewer.userKey)) ?? Promise.reject(notFound());
  }

  @FieldResolver(() => Organisation)
  async organisation(@Root() viewer: ViewerInfo, @Ctx() ctx: RequestContext): Promise<Organisation> {
    return (await ctx.loaders.organisation.load(viewer.organisationKey)) ?? Promise.reject(notFound());
  }
}
