import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { householdScope } from "../../auth/viewer";
import { ConnectionType } from "../../graphql/connection";
import type { RequestContext } from "../../graphql/context";
import { notFound } from "../../graphql/errors";
import { PageArgsInput } from "../../graphql/page-args";
import { PayloadType, payloadOf } from "../../graphql/payload";
import { todayInBrussels } from "../../shared/calendar";
import { Agreement } from "../agreements/agreement.entity";
import { Accommodation } from "./accommodation.entity";
import { currentAccommodation } from "./accommodation-rules";
import { householdReads } from "./household-reads";
import { Household } from "./household.entity";
import { CreateHouseholdInput, HouseholdFilter, HouseholdOrder, UpdateHouseholdInput } from "./household.inputs";
import { Person, Relationship } from "./person.entity";

export const HouseholdConnection = ConnectionType(Household, "Household");

/** A household's members and homes: as its list read them along, else through the loaders. */
const personsOf = (household: Household, ctx: RequestContext) => household.readAlong?.persons ?? ctx.loaders.householdPersons.load(household.key);
const homesOf = (household: Household, ctx: RequestContext) => household.readAlong?.accommodations ?? ctx.loaders.householdAccommodations.load(household.key);
const CreateHouseholdPayload = PayloadType("CreateHouseholdPayload", "household", Household);
const UpdateHouseholdPayload = PayloadType("UpdateHouseholdPayload", "household", Household);

@Resolver(() => Household)
export class HouseholdResolver {
  @Query(() => HouseholdConnection, { description: "Households: partners see their consortia's, Fedasil all, evaluators none (use reports)." })
  async households(
    @Args() page: PageArgsInput,
    @Arg("filter", () => HouseholdFilter, { nullable: true }) filter: HouseholdFilter | null,
    @Arg("orderBy", () => HouseholdOrder, { nullable: true, description: "By reference when left out." }) orderBy: HouseholdOrder | null,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const reads = householdReads(info);
    const list = await ctx.services.households.list(householdScope(ctx.viewer), filter, orderBy, page, reads);
    // Members and homes asking for their household then find it without another statement, and the
    // reverse; only whole members and homes (and households carrying only such) may answer others.
    if (Object.values(reads).every((properties) => properties === null)) {
      for (const household of list.nodes) {
        ctx.loaders.household.prime(household.key, household);
        const { persons, accommodations } = household.readAlong ?? {};
        if (persons) ctx.loaders.householdPersons.prime(household.key, persons);
        if (accommodations) ctx.loaders.householdAccommodations.prime(household.key, accommodations);
      }
    }
    return list;
  }

  @Mutation(() => CreateHouseholdPayload, { description: "Coordinators of the agreement's consortium register a household with its head and members." })
  async createHousehold(@Arg("input") input: CreateHouseholdInput, @Ctx() ctx: RequestContext) {
    return payloadOf("household", await ctx.services.households.create(ctx, input));
  }

  @Mutation(() => UpdateHouseholdPayload, {
    description: "Coordinators correct a household's facts and close its path (COMPLETED, EXITED); Fedasil staff and admins change only its status.",
  })
  async updateHousehold(@Arg("input") input: UpdateHouseholdInput, @Ctx() ctx: RequestContext) {
    return payloadOf("household", await ctx.services.households.update(ctx, input));
  }

  @FieldResolver(() => Agreement)
  async agreement(@Root() household: Household, @Ctx() ctx: RequestContext): Promise<Agreement> {
    return (await ctx.loaders.agreement.load(household.agreementKey)) ?? Promise.reject(notFound());
  }

  @FieldResolver(() => [Person], { description: "The head first, then by birth date." })
  persons(@Root() household: Household, @Ctx() ctx: RequestContext): Person[] | Promise<Person[]> {
    return personsOf(household, ctx);
  }

  @FieldResolver(() => Person, { description: "Every household has exactly one head." })
  async head(@Root() household: Household, @Ctx() ctx: RequestContext): Promise<Person> {
    const persons = await personsOf(household, ctx);
    return persons.find((p) => p.relationship === Relationship.HEAD) ?? Promise.reject(notFound());
  }

  @FieldResolver(() => Int, { description: "All members, resettled or not." })
  async personCount(@Root() household: Household, @Ctx() ctx: RequestContext): Promise<number> {
    return (await personsOf(household, ctx)).length;
  }

  @FieldResolver(() => Int, { description: "Members resettled under the programme (not children born after arrival)." })
  async resettledPersonCount(@Root() household: Household, @Ctx() ctx: RequestContext): Promise<number> {
    return (await personsOf(household, ctx)).filter((p) => p.resettled).length;
  }

  @FieldResolver(() => Accommodation, {
    nullable: true,
    description: "Where the household lives today (Brussels time): the home with the latest availableFrom up to today, else the next one; null when it has none.",
  })
  async accommodation(@Root() household: Household, @Ctx() ctx: RequestContext): Promise<Accommodation | null> {
    return currentAccommodation(await homesOf(household, ctx), todayInBrussels());
  }

  @FieldResolver(() => [Accommodation], { description: "Every home of the household, by availableFrom." })
  accommodations(@Root() household: Household, @Ctx() ctx: RequestContext): Accommodation[] | Promise<Accommodation[]> {
    return homesOf(household, ctx);
  }
}
