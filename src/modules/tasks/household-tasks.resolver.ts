import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import { paginate } from "../../graphql/connection";
import type { RequestContext } from "../../graphql/context";
import { PageArgsInput } from "../../graphql/page-args";
import { Household } from "../households/household.entity";
import { TaskFilter, TaskOrder } from "./task.inputs";
import { taskReads } from "./task-reads";
import { TaskConnection } from "./task.resolver";

/** What a household shows of its tasks; batched over a list of households. */
@Resolver(() => Household)
export class HouseholdTasksResolver {
  @FieldResolver(() => TaskConnection, { description: "The household's integration path. By due date when orderBy is left out." })
  tasks(
    @Root() household: Household,
    @Args() page: PageArgsInput,
    @Arg("filter", () => TaskFilter, { nullable: true }) filter: TaskFilter | null,
    @Arg("orderBy", () => TaskOrder, { nullable: true }) orderBy: TaskOrder | null,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const pages = ctx.loaders.householdTaskPages(filter, orderBy, taskReads(info));
    return paginate(page, {
      read: (offset, limit) => pages.load({ parentKey: household.key, offset, limit }),
      count: () => ctx.loaders.householdTaskCount(filter).load(household.key),
    });
  }
}
