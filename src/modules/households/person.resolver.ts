import { Arg, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../graphql/context";
import { notFound } from "../../graphql/errors";
import { PayloadType, payloadOf } from "../../graphql/payload";
import { UserError } from "../../graphql/user-error";
import { Household } from "./household.entity";
import { Person } from "./person.entity";
import { AddPersonInput, RemovePersonInput, UpdatePersonInput } from "./person.inputs";

const AddPersonPayload = PayloadType("AddPersonPayload", "person", Person);
const UpdatePersonPayload = PayloadType("UpdatePersonPayload", "person", Person);

@ObjectType()
class RemovePersonPayload {
  @Field(() => ID, { nullable: true, description: "The id the removed person had; null when there are user errors." })
  removedPersonId: string | null;

  @Field(() => Household, { nullable: true, description: "The household the person left; null when there are user errors." })
  household: Household | null;

  @Field(() => [UserError], { description: "What the user must fix; empty when the mutation succeeded." })
  userErrors: UserError[];
}

@Resolver(() => Person)
export class PersonResolver {
  @Mutation(() => AddPersonPayload, { description: "Coordinators add a member (not a second head) to a household of their consortium." })
  async addPerson(@Arg("input") input: AddPersonInput, @Ctx() ctx: RequestContext) {
    return payloadOf("person", await ctx.services.persons.add(ctx, input));
  }

  @Mutation(() => UpdatePersonPayload, {
    description: "Coordinators correct a member. Making a member HEAD changes heads: formerHeadRelationship says what the former head becomes, both in one change.",
  })
  async updatePerson(@Arg("input") input: UpdatePersonInput, @Ctx() ctx: RequestContext) {
    return payloadOf("person", await ctx.services.persons.update(ctx, input));
  }

  @Mutation(() => RemovePersonPayload, { description: "Coordinators remove a member other than the head." })
  async removePerson(@Arg("input") input: RemovePersonInput, @Ctx() ctx: RequestContext): Promise<RemovePersonPayload> {
    const outcome = await ctx.services.persons.remove(ctx, input);
    return { removedPersonId: outcome.result ? input.personId : null, household: outcome.result, userErrors: outcome.userErrors };
  }

  @FieldResolver(() => Household)
  async household(@Root() person: Person, @Ctx() ctx: RequestContext): Promise<Household> {
    return (await ctx.loaders.household.load(person.householdKey)) ?? Promise.reject(notFound());
  }
}
