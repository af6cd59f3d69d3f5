import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../graphql/context";
import { notFound } from "../../graphql/errors";
import { PayloadType, payloadOf } from "../../graphql/payload";
import { Agreement } from "../agreements/agreement.entity";
import { Organisation } from "../organisations/organisation.entity";
import { ResponsibilityAssignment } from "./responsibility-assignment";
import { SetResponsibilityInput } from "./responsibility.inputs";

const SetResponsibilityPayload = PayloadType("SetResponsibilityPayload", "agreement", Agreement, "The agreement, with its responsibilities as now set.");

/** The responsibility matrix shown on its agreement; batched over a list of agreements. */
@Resolver(() => Agreement)
export class AgreementResponsibilitiesResolver {
  @FieldResolver(() => [ResponsibilityAssignment], {
    description: "Which current member gets each task category's work when a household's path is planned: one per category; empty while the consortium has no current member.",
  })
  responsibilities(@Root() agreement: Agreement, @Ctx() ctx: RequestContext): Promise<ResponsibilityAssignment[]> {
    return ctx.loaders.agreementResponsibilities.load(agreement.key);
  }

  @Mutation(() => SetResponsibilityPayload, { description: "Coordinators of the agreement's consortium choose the member that does a task category's work." })
  async setResponsibility(@Arg("input") input: SetResponsibilityInput, @Ctx() ctx: RequestContext) {
    return payloadOf("agreement", await ctx.services.responsibilities.set(ctx, input));
  }
}

@Resolver(() => ResponsibilityAssignment)
export class ResponsibilityAssignmentResolver {
  @FieldResolver(() => Organisation)
  async organisation(@Root() assignment: ResponsibilityAssignment, @Ctx() ctx: RequestContext): Promise<Organisation> {
    return (await ctx.loaders.organisation.load(assignment.organisationKey)) ?? Promise.reject(notFound());
  }
}
