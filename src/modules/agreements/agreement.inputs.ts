import { IsOptional, Length, Max, MaxLength, Min } from "class-validator";
import { Field, ID, InputType, Int, registerEnumType } from "type-graphql";
import { OrderDirection } from "../../graphql/order";
import { DateScalar } from "../../graphql/scalars";
import { AgreementStatus } from "./agreement-status";
import { IdempotencyKeyField } from "../../graphql/idempotency-key";
import { NotBlank } from "../../graphql/input-validation";

@InputType()
export class CreateAgreementInput {
  @Field(() => ID)
  @MaxLength(200)
  consortiumId: string;

  @Field({ description: "Fedasil's reference, unique across agreements." })
  @Length(1, 50)
  @NotBlank()
  reference: string;

  @Field(() => DateScalar, { nullable: true, description: "Not after today; can also be given on activation." })
  @IsOptional()
  signedOn?: string | null;

  @Field(() => DateScalar)
  startsOn: string;

  @Field(() => DateScalar, { description: "The last day of the agreement; after startsOn." })
  endsOn: string;

  @Field(() => Int, { description: "Persons the consortium can receive; at least 1." })
  @Min(1)
  @Max(100000)
  capacity: number;

  @Field(() => ID, { nullable: true, description: "A Fedasil user (staff or admin), the consortium's contact person." })
  @IsOptional()
  @MaxLength(200)
  fedasilContactId?: string | null;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@InputType()
export class ActivateAgreementInput {
  @Field(() => ID)
  @MaxLength(200)
  agreementId: string;

  @Field(() => Int)
  @Min(1)
  expectedVersion: number;

  @Field(() => DateScalar, { nullable: true, description: "When it was signed; needed unless given at creation. Not after today." })
  @IsOptional()
  signedOn?: string | null;
}

@InputType()
export class EndAgreementInput {
  @Field(() => ID)
  @MaxLength(200)
  agreementId: string;

  @Field(() => Int)
  @Min(1)
  expectedVersion: number;

  @Field(() => DateScalar, { description: "Not after today. On or after endsOn to end it; before endsOn to terminate it." })
  endedOn: string;

  @Field({ defaultValue: false, description: "Stop the agreement before its term (TERMINATED) instead of ending it at its term (ENDED)." })
  terminated: boolean;

  @Field(() => String, { nullable: true, description: "Why; required for a termination." })
  @IsOptional()
  @MaxLength(2000)
  reason?: string | null;
}

@InputType()
export class AgreementFilter {
  @Field(() => [AgreementStatus], { nullable: true })
  statuses?: AgreementStatus[] | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  consortiumId?: string | null;

  @Field(() => ID, { nullable: true, description: "Only agreements of consortia this organisation is a member of today." })
  @IsOptional()
  @MaxLength(200)
  organisationId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Only agreements whose period (startsOn to endsOn, both included) covers this day." })
  @IsOptional()
  activeOn?: string | null;
}

export enum AgreementOrderField {
  REFERENCE = "REFERENCE",
  STARTS_ON = "STARTS_ON",
  CREATED_AT = "CREATED_AT",
}
registerEnumType(AgreementOrderField, { name: "AgreementOrderField" });

@InputType()
export class AgreementOrder {
  @Field(() => AgreementOrderField)
  field: AgreementOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC })
  direction: OrderDirection;
}
