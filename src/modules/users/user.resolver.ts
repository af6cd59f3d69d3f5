import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../graphql/context";
import { Organisation } from "../organisations/organisation.entity";
import { User } from "./user.entity";

@Resolver(() => User)
export class UserResolver {
  @FieldResolver(() => Organisation, { nullable: true })
  organisation(@Root() user: User, @Ctx() ctx: RequestContext): Promise<Organisation | null> {
    return ctx.loaders.organisation.load(user.organisationKey);
  }
}
