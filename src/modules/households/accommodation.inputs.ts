import { IsOptional, Length, Matches, MaxLength, Min, ValidateNested } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { MoneyInput } from "../../graphql/money";
import { DateScalar } from "../../graphql/scalars";
import { LandlordKind } from "./accommodation.entity";

@InputType({ description: "Adds a home to a household, or with accommodationId corrects one of its homes." })
export class SetAccommodationInput {
  @Field(() => ID)
  @MaxLength(200)
  householdId: string;

  @Field(() => ID, { nullable: true, description: "A home of this household to correct; left out adds a new one." })
  @IsOptional()
  @MaxLength(200)
  accommodationId?: string | null;

  @Field(() => Int, { nullable: true, description: "With accommodationId: the home's version as you last read it." })
  @IsOptional()
  @Min(1)
  expectedVersion?: number | null;

  @Field({ description: "Street and number; trimmed, 1 to 200 characters." })
  streetAddress: string;

  @Field({ description: "Four-digit Belgian postal code." })
  @Matches(/^[1-9]\d{3}$/, { message: "postalCode must be a four-digit Belgian postal code" })
  postalCode: string;

  @Field({ description: "Trimmed, 1 to 100 characters." })
  municipality: string;

  @Field(() => DateScalar)
  availableFrom: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Left out for an open-ended lease. Earlier than availableFrom + 12 months is refused (SHORT_ACCOMMODATION) unless acknowledgeShortStay.",
  })
  availableUntil?: string | null;

  @Field(() => MoneyInput, { nullable: true, description: "Not negative." })
  @IsOptional()
  @ValidateNested()
  monthlyRent?: MoneyInput | null;

  @Field(() => LandlordKind)
  landlordKind: LandlordKind;

  @Field({ defaultValue: false, description: "Accept a home available for less than the programme's year; it is marked shortStayAcknowledged." })
  acknowledgeShortStay: boolean;

  @Field(() => String, { nullable: true, description: "When adding: retrying with the same key returns the first result." })
  @IsOptional()
  @Length(1, 100)
  idempotencyKey?: string | null;
}
