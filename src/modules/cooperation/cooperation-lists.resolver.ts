import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { ConnectionType, paginate } from "../../graphql/connection";
import type { RequestContext } from "../../graphql/context";
import { PageArgsInput } from "../../graphql/page-args";
import { Agreement } from "../agreements/agreement.entity";
import { Household } from "../households/household.entity";
import { CooperationEvent } from "./cooperation-event.entity";
import { CooperationEventFilter } from "./cooperation.inputs";
import type { EventOwner } from "./cooperation.service";

const CooperationEventConnection = ConnectionType(CooperationEvent, "CooperationEvent");

const LIST = {
  description: "Its cooperation events, newest first (by occurredOn, then by when they were recorded). Evaluators see none: use reports.",
};

/** One owner's events as a connection; pages and counts batched over every owner in the response. */
function eventsOf(ctx: RequestContext, owner: EventOwner, ownerKey: string, filter: CooperationEventFilter | null, page: PageArgsInput) {
  const pages = ctx.loaders.cooperationEventPages(owner, filter);
  return paginate(page, {
    read: (offset, limit) => pages.load({ parentKey: ownerKey, offset, limit }),
    count: () => ctx.loaders.cooperationEventCounts(owner, filter).load(ownerKey),
  });
}

@Resolver(() => Agreement)
export class AgreementCooperationResolver {
  @FieldResolver(() => CooperationEventConnection, LIST)
  cooperationEvents(
    @Root() agreement: Agreement,
    @Args() page: PageArgsInput,
    @Arg("filter", () => CooperationEventFilter, { nullable: true }) filter: CooperationEventFilter | null,
    @Ctx() ctx: RequestContext,
  ) {
    return eventsOf(ctx, "agreement", agreement.key, filter, page);
  }
}

@Resolver(() => Household)
export class HouseholdCooperationResolver {
  @FieldResolver(() => CooperationEventConnection, LIST)
  cooperationEvents(
    @Root() household: Household,
    @Args() page: PageArgsInput,
    @Arg("filter", () => CooperationEventFilter, { nullable: true }) filter: CooperationEventFilter | null,
    @Ctx() ctx: RequestContext,
  ) {
    return eventsOf(ctx, "household", household.key, filter, page);
  }
}
