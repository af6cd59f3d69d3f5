import { IsOptional, MaxLength, Min } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { IdempotencyKeyField } from "../../graphql/idempotency-key";

@InputType()
export class ProposeHandoverInput {
  @Field(() => ID, { description: "A task assigned to your organisation that is not closed." })
  @MaxLength(200)
  taskId: string;

  @Field(() => ID, { description: "Another current member of the task's consortium." })
  @MaxLength(200)
  toOrganisationId: string;

  @Field(() => String, { nullable: true, description: "Why you propose it, for the receiving member." })
  @IsOptional()
  @MaxLength(2000)
  message?: string | null;

  @Field(() => Int, { description: "The task's version as you last read it." })
  @Min(1)
  expectedVersion: number;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@InputType()
export class AcceptHandoverInput {
  @Field(() => ID)
  @MaxLength(200)
  handoverId: string;

  @Field(() => Int, { description: "The hand-over's version as you last read it." })
  @Min(1)
  expectedVersion: number;
}

@InputType()
export class DeclineHandoverInput {
  @Field(() => ID)
  @MaxLength(200)
  handoverId: string;

  @Field({ description: "Why you decline; the proposing member reads it." })
  @MaxLength(2000)
  reason: string;

  @Field(() => Int, { description: "The hand-over's version as you last read it." })
  @Min(1)
  expectedVersion: number;
}

@InputType()
export class WithdrawHandoverInput {
  @Field(() => ID)
  @MaxLength(200)
  handoverId: string;

  @Field(() => Int, { description: "The hand-over's version as you last read it." })
  @Min(1)
  expectedVersion: number;
}
