import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { ConnectionType } from "../../graphql/connection";
import type { RequestContext } from "../../graphql/context";
import { PageArgsInput } from "../../graphql/page-args";
import { AgreementOverviewOrder, MemberOverviewOrder, ProgrammeOverviewFilter } from "./overview.inputs";
import {
  AccommodationEndingWithoutNextHome,
  AgreementOverview,
  EndingAccompaniment,
  MemberOverview,
  OverdueTaskCount,
  OverviewFigures,
  ProgrammeOverview,
  TaskTemplateDuration,
} from "./overview.types";

const AgreementOverviewConnection = ConnectionType(AgreementOverview, "AgreementOverview");
const MemberOverviewConnection = ConnectionType(MemberOverview, "MemberOverview");
const EndingAccompanimentConnection = ConnectionType(EndingAccompaniment, "EndingAccompaniment");
const AccommodationEndingConnection = ConnectionType(AccommodationEndingWithoutNextHome, "AccommodationEndingWithoutNextHome");

@Resolver(() => ProgrammeOverview)
export class ProgrammeOverviewResolver {
  @Query(() => ProgrammeOverview, {
    description:
      "Every partnership side by side: totals, one row per agreement and per member, overdue work, step durations and endings, all computed in the database. Fedasil staff and admins see every agreement; partner staff and coordinators the same overview over their own consortia's agreements only. Evaluators get FORBIDDEN: they build aggregate reports with `report`, where small counts are suppressed.",
  })
  programmeOverview(
    @Arg("filter", () => ProgrammeOverviewFilter, { nullable: true }) filter: ProgrammeOverviewFilter | null,
    @Ctx() ctx: RequestContext,
  ): ProgrammeOverview {
    return ctx.services.programmeOverview.open(ctx.viewer, filter);
  }

  @FieldResolver(() => OverviewFigures, { description: "The figures of all counted agreements together: the agreement rows add up to them." })
  totals(@Root() overview: ProgrammeOverview, @Ctx() ctx: RequestContext): Promise<OverviewFigures> {
    return ctx.services.programmeOverview.totals(overview);
  }

  @FieldResolver(() => AgreementOverviewConnection, { description: "One row per counted agreement, with its figures." })
  agreements(
    @Root() overview: ProgrammeOverview,
    @Args() page: PageArgsInput,
    @Arg("orderBy", () => AgreementOverviewOrder, { nullable: true, description: "By reference when left out." }) orderBy: AgreementOverviewOrder | null,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.services.programmeOverview.agreements(overview, orderBy, page);
  }

  @FieldResolver(() => MemberOverviewConnection, {
    description:
      "One row per organisation that is today a member of the consortium of a counted agreement (and matches the filter's provinces and kinds), over those agreements only.",
  })
  members(
    @Root() overview: ProgrammeOverview,
    @Args() page: PageArgsInput,
    @Arg("orderBy", () => MemberOverviewOrder, { nullable: true, description: "By name when left out." }) orderBy: MemberOverviewOrder | null,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.services.programmeOverview.members(overview, orderBy, page);
  }

  @FieldResolver(() => [OverdueTaskCount], {
    description:
      "Overdue tasks (as in the totals) per assignee organisation matching the filter's provinces and kinds, and category; only counts above 0; by organisation name, then category in the order of TaskCategory.",
  })
  overdueTasksByMember(@Root() overview: ProgrammeOverview, @Ctx() ctx: RequestContext): Promise<OverdueTaskCount[]> {
    return ctx.services.programmeOverview.overdueTasksByMember(overview);
  }

  @FieldResolver(() => [TaskTemplateDuration], {
    description: "Per template of the integration path with DONE tasks among the counted households: how many, and the median days from arrival; in path order.",
  })
  taskTemplateDurations(@Root() overview: ProgrammeOverview, @Ctx() ctx: RequestContext): Promise<TaskTemplateDuration[]> {
    return ctx.services.programmeOverview.taskTemplateDurations(overview);
  }

  @FieldResolver(() => EndingAccompanimentConnection, {
    description: "Counted households IN_ACCOMPANIMENT or EXTENDED whose accompaniment ends between today and 90 days on (Europe/Brussels), by end date, then reference.",
  })
  endingAccompaniments(@Root() overview: ProgrammeOverview, @Args() page: PageArgsInput, @Ctx() ctx: RequestContext) {
    return ctx.services.programmeOverview.endingAccompaniments(overview, page);
  }

  @FieldResolver(() => AccommodationEndingConnection, {
    description:
      "Counted households IN_ACCOMPANIMENT or EXTENDED whose current home (the latest availableFrom, so no later home is recorded) has an end date before the accompaniment's end or within 90 days from today (past ones included); by that date, then reference. Homes without an end date never count.",
  })
  accommodationsEndingWithoutNextHome(@Root() overview: ProgrammeOverview, @Args() page: PageArgsInput, @Ctx() ctx: RequestContext) {
    return ctx.services.programmeOverview.accommodationsEndingWithoutNextHome(overview, page);
  }
}
