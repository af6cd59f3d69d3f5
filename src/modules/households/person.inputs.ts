import { MaxLength, Min } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { DateScalar } from "../../graphql/scalars";
import { Relationship, Sex } from "./person.entity";
import { IdempotencyKeyField } from "../../graphql/idempotency-key";

const NAME = "Trimmed, 1 to 100 characters.";
const BIRTH_DATE = "Not in the future, not before 1900.";
const RESETTLED =
  "Defaults to true, except for a child born after the household's arrival (or expected arrival), who is a member but not a resettled person: false, and true is refused.";

/** The fields every member has; not in the schema itself (unused there), only through its subclasses. */
@InputType("PersonFields")
abstract class PersonFields {
  @Field({ description: NAME })
  givenName: string;

  @Field({ description: NAME })
  familyName: string;

  @Field(() => DateScalar, { description: BIRTH_DATE })
  birthDate: string;

  @Field(() => Sex)
  sex: Sex;

  @Field(() => Boolean, { nullable: true, description: RESETTLED })
  resettled?: boolean | null;
}

@InputType({ description: "A member of a new household." })
export class PersonInput extends PersonFields {
  @Field(() => Relationship, { nullable: true, description: "For the head: HEAD or left out. For the other members: required, never HEAD." })
  relationship?: Relationship | null;
}

@InputType()
export class AddPersonInput extends PersonFields {
  @Field(() => ID)
  @MaxLength(200)
  householdId: string;

  @Field(() => Relationship, { description: "Not HEAD: a household has one head; change heads with updatePerson." })
  relationship: Relationship;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@InputType({ description: "Corrects a member; fields left out stay as they are." })
export class UpdatePersonInput {
  @Field(() => ID)
  @MaxLength(200)
  personId: string;

  @Field(() => Int, { description: "The person's version as you last read it." })
  @Min(1)
  expectedVersion: number;

  @Field(() => String, { nullable: true, description: NAME })
  givenName?: string | null;

  @Field(() => String, { nullable: true, description: NAME })
  familyName?: string | null;

  @Field(() => DateScalar, { nullable: true, description: BIRTH_DATE })
  birthDate?: string | null;

  @Field(() => Sex, { nullable: true })
  sex?: Sex | null;

  @Field(() => Relationship, {
    nullable: true,
    description: "HEAD makes this person the head: then formerHeadRelationship says what the current head becomes. The head itself cannot be demoted otherwise.",
  })
  relationship?: Relationship | null;

  @Field(() => Relationship, { nullable: true, description: "With relationship HEAD: the former head's new relationship (not HEAD)." })
  formerHeadRelationship?: Relationship | null;

  @Field(() => Boolean, { nullable: true, description: RESETTLED })
  resettled?: boolean | null;
}

@InputType()
export class RemovePersonInput {
  @Field(() => ID, { description: "Any member but the head." })
  @MaxLength(200)
  personId: string;

  @Field(() => Int, { description: "The person's version as you last read it." })
  @Min(1)
  expectedVersion: number;
}
