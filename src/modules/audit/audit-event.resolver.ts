import { GraphQLJSONObject } from "graphql-scalars";
import { Arg, Args, Ctx, Field, FieldResolver, ObjectType, Query, Resolver, Root } from "type-graphql";
import { ConnectionType } from "../../graphql/connection";
import type { RequestContext } from "../../graphql/context";
import { PageArgsInput } from "../../graphql/page-args";
import { Organisation } from "../organisations/organisation.entity";
import { User } from "../users/user.entity";
import { AuditEvent } from "./audit-event.entity";
import { AuditEventFilter, AuditEventOrder } from "./audit-event.inputs";
import { shownSnapshot } from "./audit-snapshot";

const AuditEventConnection = ConnectionType(AuditEvent, "AuditEvent");

@ObjectType({ simpleResolvers: true, description: "Who made a change: the user and the organisation they acted for." })
export class AuditEventActor {
  @Field(() => User) user: User;
  @Field(() => Organisation) organisation: Organisation;
}

const SNAPSHOT = "Its stored fields as JSON, references as global IDs (householdKey shown as householdId).";

@Resolver(() => AuditEvent)
export class AuditEventResolver {
  @Query(() => AuditEventConnection, {
    description:
      "The audit trail: every change a mutation made, newest first. Fedasil admins read every object's; partner staff and coordinators the events of their own consortia (another consortium's object has an empty trail, as one that does not exist); Fedasil staff and evaluators get FORBIDDEN.",
  })
  auditEvents(
    @Args() page: PageArgsInput,
    @Arg("filter", () => AuditEventFilter, { nullable: true }) filter: AuditEventFilter | null,
    @Arg("orderBy", () => AuditEventOrder, { nullable: true }) orderBy: AuditEventOrder | null,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.services.auditEvents.list(ctx.viewer, filter, orderBy, page);
  }

  @FieldResolver(() => AuditEventActor, { nullable: true, description: "Null when you may not see that user, or for a change made outside any request (the demo data)." })
  async actor(@Root() event: AuditEvent, @Ctx() ctx: RequestContext): Promise<AuditEventActor | null> {
    if (!event.actorUserKey || !event.actorOrganisationKey) return null;
    const [user, organisation] = await Promise.all([ctx.loaders.user.load(event.actorUserKey), ctx.loaders.organisation.load(event.actorOrganisationKey)]);
    return user && organisation ? Object.assign(new AuditEventActor(), { user, organisation }) : null;
  }

  @FieldResolver(() => GraphQLJSONObject, { nullable: true, description: `The object before the change; null when the change created it. ${SNAPSHOT}` })
  before(@Root() event: AuditEvent): Record<string, unknown> | null {
    return event.before && shownSnapshot(event.subjectType, event.before);
  }

  @FieldResolver(() => GraphQLJSONObject, { nullable: true, description: `The object after the change; null when the change removed it. ${SNAPSHOT}` })
  after(@Root() event: AuditEvent): Record<string, unknown> | null {
    return event.after && shownSnapshot(event.subjectType, event.after);
  }
}
