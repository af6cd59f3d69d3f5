import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, MaxLength } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { DateScalar } from "../../../graphql/scalars";
import { FundingKind } from "../funding-enums";
import { IdempotencyKeyField } from "../../../graphql/idempotency-key";

@InputType()
export class SplitRuleWeightInput {
  @Field(() => ID, { description: "A current member of the agreement's consortium." })
  @MaxLength(200)
  organisationId: string;

  @Field(() => Int, { description: "A whole number, zero or more; weights are relative." })
  weight: number;

  @Field(() => FundingKind, { nullable: true, description: "Only for this kind of line; omitted: the member's default weight." })
  @IsOptional()
  kind?: FundingKind | null;
}

@InputType()
export class ProposeSplitRuleInput {
  @Field(() => ID)
  @MaxLength(200)
  agreementId: string;

  @Field(() => ID, { nullable: true, description: "A household of the agreement, for an override naming the members who actually share it." })
  @IsOptional()
  @MaxLength(200)
  householdId?: string | null;

  @Field(() => DateScalar, { description: "Lines due on or after this day follow the rule once it takes effect." })
  effectiveFrom: string;

  @Field(() => [SplitRuleWeightInput], { description: "In tie order (a tied cent goes to the member listed first); members not named get 0. Every kind's weights must add up to more than 0." })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  weights: SplitRuleWeightInput[];

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@InputType()
export class ApproveSplitRuleInput {
  @Field(() => ID)
  @MaxLength(200)
  splitRuleId: string;

  @Field(() => Int)
  expectedVersion: number;
}

@InputType()
export class RejectSplitRuleInput {
  @Field(() => ID)
  @MaxLength(200)
  splitRuleId: string;

  @Field({ description: "Why; required, at most 500 characters." })
  @Length(1, 500)
  reason: string;

  @Field(() => Int)
  expectedVersion: number;
}
