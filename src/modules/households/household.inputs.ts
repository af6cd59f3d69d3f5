import { ArrayMaxSize, IsOptional, MaxLength, Min, ValidateNested } from "class-validator";
import { Field, ID, InputType, Int, registerEnumType } from "type-graphql";
import { OrderDirection } from "../../graphql/order";
import { DateScalar } from "../../graphql/scalars";
import { ArrivalRoute, HouseholdStatus } from "./household.entity";
import { PersonInput } from "./person.inputs";
import { IdempotencyKeyField } from "../../graphql/idempotency-key";

const REFERENCE = "The partners' reference, unique across the programme; trimmed, 1 to 100 characters.";

@InputType()
export class CreateHouseholdInput {
  @Field(() => ID, { description: "A DRAFT or ACTIVE agreement of your consortium." })
  @MaxLength(200)
  agreementId: string;

  @Field({ description: REFERENCE })
  reference: string;

  @Field(() => ArrivalRoute, { nullable: true })
  arrivalRoute?: ArrivalRoute | null;

  @Field(() => DateScalar, { nullable: true })
  expectedArrivalOn?: string | null;

  @Field(() => PersonInput, { description: "The head of the household." })
  @ValidateNested()
  head: PersonInput;

  @Field(() => [PersonInput], { defaultValue: [], description: "The other members; none of them HEAD." })
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  members: PersonInput[];

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@InputType({ description: "Changes a household; fields left out stay as they are, null clears an optional one." })
export class UpdateHouseholdInput {
  @Field(() => ID)
  @MaxLength(200)
  householdId: string;

  @Field(() => Int, { description: "The household's version as you last read it." })
  @Min(1)
  expectedVersion: number;

  @Field(() => String, { nullable: true, description: `${REFERENCE} Coordinators only.` })
  reference?: string | null;

  @Field(() => ArrivalRoute, { nullable: true, description: "Coordinators only." })
  arrivalRoute?: ArrivalRoute | null;

  @Field(() => DateScalar, { nullable: true, description: "Coordinators only." })
  expectedArrivalOn?: string | null;

  @Field(() => HouseholdStatus, {
    nullable: true,
    description:
      "COMPLETED (from IN_ACCOMPANIMENT or EXTENDED) or EXITED (from PLANNED, IN_ACCOMPANIMENT or EXTENDED, with exitedOn and exitReason). The accompaniment starts with registerArrival and is extended with extendAccompaniment. Coordinators and Fedasil.",
  })
  status?: HouseholdStatus | null;

  @Field(() => DateScalar, { nullable: true, description: "With status EXITED: not before arrival, not in the future." })
  exitedOn?: string | null;

  @Field(() => String, { nullable: true, description: "With status EXITED." })
  @IsOptional()
  @MaxLength(500)
  exitReason?: string | null;
}

@InputType()
export class HouseholdFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  agreementId?: string | null;

  @Field(() => [HouseholdStatus], { nullable: true })
  statuses?: HouseholdStatus[] | null;

  @Field(() => ArrivalRoute, { nullable: true })
  arrivalRoute?: ArrivalRoute | null;

  @Field(() => String, { nullable: true, description: "Part of the reference, any case." })
  @IsOptional()
  @MaxLength(100)
  referenceContains?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Expected to arrive on or after this day." })
  expectedArrivalFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Expected to arrive on or before this day." })
  expectedArrivalTo?: string | null;
}

export enum HouseholdOrderField {
  REFERENCE = "REFERENCE",
  EXPECTED_ARRIVAL_ON = "EXPECTED_ARRIVAL_ON",
  CREATED_AT = "CREATED_AT",
}
registerEnumType(HouseholdOrderField, {
  name: "HouseholdOrderField",
  description: "Ties go by reference. Households without an expected arrival come last going up, first going down.",
});

@InputType()
export class HouseholdOrder {
  @Field(() => HouseholdOrderField)
  field: HouseholdOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC })
  direction: OrderDirection;
}
