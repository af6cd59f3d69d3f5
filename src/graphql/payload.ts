import { type ClassType, Field, ObjectType } from "type-graphql";
import type { MutationOutcome } from "../shared/mutation-runner";
import { UserError } from "./user-error";

/** Declares `<Name>Payload { <field>: Type, userErrors: [UserError!]! }` for a mutation. */
export function PayloadType<T extends object>(name: string, field: string, type: ClassType<T>, description?: string) {
  @ObjectType(name, { description })
  class Payload {
    @Field(() => [UserError], { description: "What the user must fix; empty when the mutation succeeded." })
    userErrors: UserError[];
  }
  Field(() => type, { nullable: true, description: "Null when there are user errors." })(Payload.prototype, field);
  return Payload;
}

/** The payload object for a mutation's outcome. */
export function payloadOf<T>(field: string, outcome: MutationOutcome<T>): { userErrors: UserError[] } {
  return { [field]: outcome.result, userErrors: outcome.userErrors } as { userErrors: UserError[] };
}
