import { IsOptional, MaxLength } from "class-validator";
import { Field, InputType } from "type-graphql";
import { MoneyInput } from "../../graphql/money";
import { DateScalar } from "../../graphql/scalars";
import { FundingKind } from "./funding-enums";
import { IdempotencyKeyField } from "../../graphql/idempotency-key";

@InputType({ description: "One kind's rate in a new schedule." })
export class FundingRateInput {
  @Field(() => FundingKind)
  kind: FundingKind;

  @Field(() => MoneyInput, { description: "Positive, at most two decimals and at most 1000000.00, per unit of the kind." })
  amount: MoneyInput;
}

@InputType()
export class CreateFundingRateScheduleInput {
  @Field(() => DateScalar, { description: "Lines due on or after this day take these rates; one schedule per day." })
  effectiveFrom: string;

  @Field(() => [FundingRateInput], { description: "Each of the four kinds exactly once." })
  rates: FundingRateInput[];

  @Field(() => String, { nullable: true, description: "Why or under which terms; trimmed, at most 500 characters." })
  @IsOptional()
  @MaxLength(500)
  note?: string | null;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}
