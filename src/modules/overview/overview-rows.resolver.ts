import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../graphql/context";
import { notFound } from "../../graphql/errors";
import { Agreement } from "../agreements/agreement.entity";
import { Household } from "../households/household.entity";
import { Organisation } from "../organisations/organisation.entity";
import { TaskTemplate } from "../task-templates/task-template.entity";
import {
  AccommodationEndingWithoutNextHome,
  AgreementOverview,
  EndingAccompaniment,
  MemberOverview,
  OverdueTaskCount,
  TaskTemplateDuration,
} from "./overview.types";

/**
 * The objects behind the overview's rows come through the request's scoped loaders, so a list
 * costs one statement however long it is, and the viewer's visibility rules apply.
 */
const orNotFound = async <T>(found: Promise<T | null>): Promise<T> => (await found) ?? Promise.reject(notFound());

@Resolver(() => AgreementOverview)
export class AgreementOverviewResolver {
  @FieldResolver(() => Agreement)
  agreement(@Root() row: AgreementOverview, @Ctx() ctx: RequestContext): Promise<Agreement> {
    return orNotFound(ctx.loaders.agreement.load(row.agreementKey));
  }
}

@Resolver(() => MemberOverview)
export class MemberOverviewResolver {
  @FieldResolver(() => Organisation)
  organisation(@Root() row: MemberOverview, @Ctx() ctx: RequestContext): Promise<Organisation> {
    return orNotFound(ctx.loaders.organisation.load(row.organisationKey));
  }
}

@Resolver(() => OverdueTaskCount)
export class OverdueTaskCountResolver {
  @FieldResolver(() => Organisation, { description: "The assignee organisation." })
  organisation(@Root() row: OverdueTaskCount, @Ctx() ctx: RequestContext): Promise<Organisation> {
    return orNotFound(ctx.loaders.organisation.load(row.organisationKey));
  }
}

@Resolver(() => TaskTemplateDuration)
export class TaskTemplateDurationResolver {
  @FieldResolver(() => TaskTemplate)
  template(@Root() row: TaskTemplateDuration, @Ctx() ctx: RequestContext): Promise<TaskTemplate> {
    return orNotFound(ctx.loaders.taskTemplate.load(row.templateKey));
  }
}

@Resolver(() => EndingAccompaniment)
export class EndingAccompanimentResolver {
  @FieldResolver(() => Household)
  household(@Root() row: EndingAccompaniment, @Ctx() ctx: RequestContext): Promise<Household> {
    return orNotFound(ctx.loaders.household.load(row.householdKey));
  }
}

@Resolver(() => AccommodationEndingWithoutNextHome)
export class AccommodationEndingResolver {
  @FieldResolver(() => Household)
  household(@Root() row: AccommodationEndingWithoutNextHome, @Ctx() ctx: RequestContext): Promise<Household> {
    return orNotFound(ctx.loaders.household.load(row.householdKey));
  }
}
