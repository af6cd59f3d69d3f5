import { Arg, Args, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { paginate } from "../../graphql/connection";
import type { RequestContext } from "../../graphql/context";
import { PageArgsInput } from "../../graphql/page-args";
import { Agreement } from "../agreements/agreement.entity";
import { HouseholdConnection } from "./household.resolver";
import { HouseholdOrder } from "./household.inputs";

/** What an agreement shows of its households; batched over a list of agreements. */
@Resolver(() => Agreement)
export class AgreementHouseholdsResolver {
  @FieldResolver(() => HouseholdConnection, { description: "The agreement's households, as far as you may see them: none for evaluators." })
  households(
    @Root() agreement: Agreement,
    @Args() page: PageArgsInput,
    @Arg("orderBy", () => HouseholdOrder, { nullable: true, description: "By reference when left out." }) orderBy: HouseholdOrder | null,
    @Ctx() ctx: RequestContext,
  ) {
    const pages = ctx.loaders.agreementHouseholdPages(orderBy);
    return paginate(page, {
      read: (offset, limit) => pages.load({ parentKey: agreement.key, offset, limit }),
      count: () => ctx.loaders.agreementHouseholdCount.load(agreement.key),
    });
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: "Resettled persons in the agreement's households that have not EXITED: what counts against its capacity. Null for viewers who may not see households.",
  })
  placedPersons(@Root() agreement: Agreement, @Ctx() ctx: RequestContext): Promise<number | null> {
    return ctx.loaders.agreementPlacedPersons.load(agreement.key);
  }
}
