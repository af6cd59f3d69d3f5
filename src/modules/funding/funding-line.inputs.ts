import { ArrayMaxSize, ArrayMinSize, IsOptional, MaxLength } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { MoneyInput } from "../../graphql/money";
import { DateScalar } from "../../graphql/scalars";
import { IdempotencyKeyField } from "../../graphql/idempotency-key";

@InputType()
export class SettleFundingLinesInput {
  @Field(() => [ID], { description: "1 to 500 unsettled lines; an id given twice counts once." })
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @MaxLength(200, { each: true })
  lineIds: string[];

  @Field(() => DateScalar, { description: "The day Fedasil paid them; not in the future." })
  settledOn: string;

  @Field(() => String, { nullable: true, description: "Fedasil's reference of the payment; trimmed, at most 100 characters." })
  @IsOptional()
  @MaxLength(100)
  settlementReference?: string | null;
}

@InputType()
export class CreateFundingAdjustmentInput {
  @Field(() => ID, { description: "The agreement whose consortium the adjustment is owed to (or, negative, owes back)." })
  @MaxLength(200)
  agreementId: string;

  @Field(() => ID, { nullable: true, description: "A household of that agreement, when the adjustment concerns one." })
  @IsOptional()
  @MaxLength(200)
  householdId?: string | null;

  @Field(() => MoneyInput, { description: "Signed and non-zero, at most two decimals, at most 10000000.00 either way." })
  amount: MoneyInput;

  @Field(() => DateScalar, { description: "When it is owed; the consortium's members on this day share it." })
  dueOn: string;

  @Field({ description: "Why; required, trimmed, at most 500 characters." })
  @MaxLength(2000)
  reason: string;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}
