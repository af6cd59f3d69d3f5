import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../graphql/context";
import { notFound } from "../../graphql/errors";
import { PayloadType, payloadOf } from "../../graphql/payload";
import { Accommodation } from "./accommodation.entity";
import { SetAccommodationInput } from "./accommodation.inputs";
import { Household } from "./household.entity";

const SetAccommodationPayload = PayloadType("SetAccommodationPayload", "accommodation", Accommodation);

@Resolver(() => Accommodation)
export class AccommodationResolver {
  @Mutation(() => SetAccommodationPayload, {
    description: "Coordinators add a home to a household of their consortium, or correct one. A home available for less than a year needs acknowledgeShortStay.",
  })
  async setAccommodation(@Arg("input") input: SetAccommodationInput, @Ctx() ctx: RequestContext) {
    return payloadOf("accommodation", await ctx.services.accommodations.set(ctx, input));
  }

  @FieldResolver(() => Household)
  async household(@Root() accommodation: Accommodation, @Ctx() ctx: RequestContext): Promise<Household> {
    return (await ctx.loaders.household.load(accommodation.householdKey)) ?? Promise.reject(notFound());
  }
}
