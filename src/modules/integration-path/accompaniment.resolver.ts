import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { RequestContext } from "../../graphql/context";
import { PayloadType, payloadOf } from "../../graphql/payload";
import { Household } from "../households/household.entity";
import { ExtendAccompanimentInput, RegisterArrivalInput } from "./accompaniment.inputs";

const RegisterArrivalPayload = PayloadType("RegisterArrivalPayload", "household", Household, "The household, now IN_ACCOMPANIMENT with the tasks of its integration path.");
const ExtendAccompanimentPayload = PayloadType("ExtendAccompanimentPayload", "household", Household, "The household, now EXTENDED with its new end.");

@Resolver()
export class AccompanimentResolver {
  @Mutation(() => RegisterArrivalPayload, {
    description:
      "Coordinators of the household's consortium register its arrival: the accompaniment starts (on arrival when DIRECT, on the transfer from reception otherwise) for 12 months, and the tasks of the standard integration path are created and assigned by the agreement's responsibility matrix. Once only: a second call is INVALID_STATE.",
  })
  async registerArrival(@Arg("input") input: RegisterArrivalInput, @Ctx() ctx: RequestContext) {
    return payloadOf("household", await ctx.services.accompaniments.registerArrival(ctx, input));
  }

  @Mutation(() => ExtendAccompanimentPayload, {
    description:
      "Coordinators and Fedasil grant the second year, once: the end moves by 12 months and the open tasks counted from the end (the next-home search, the end report) move with it; closed tasks keep their dates.",
  })
  async extendAccompaniment(@Arg("input") input: ExtendAccompanimentInput, @Ctx() ctx: RequestContext) {
    return payloadOf("household", await ctx.services.accompaniments.extendAccompaniment(ctx, input));
  }
}
