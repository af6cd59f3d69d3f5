import { IsOptional, Length } from "class-validator";
import { Field } from "type-graphql";

/** The optional `idempotencyKey` of a create mutation's input (DESIGN: a retry returns the first result). */
export function IdempotencyKeyField(): PropertyDecorator {
  return (target, property) => {
    Field(() => String, { nullable: true, description: "Retrying with the same key returns the first result." })(target, property);
    IsOptional()(target, property);
    Length(1, 100)(target, property);
  };
}
