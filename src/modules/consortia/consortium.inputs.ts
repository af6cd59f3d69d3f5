import { ArrayMaxSize, IsOptional, Length, MaxLength, Min, ValidateNested } from "class-validator";
import { Field, ID, InputType, Int, registerEnumType } from "type-graphql";
import { OrderDirection } from "../../graphql/order";
import { DateScalar } from "../../graphql/scalars";
import { MembershipRole } from "./membership-rules";
import { IdempotencyKeyField } from "../../graphql/idempotency-key";
import { NotBlank } from "../../graphql/input-validation";

@InputType({ description: "A founding member of a new consortium." })
export class ConsortiumMemberInput {
  @Field(() => ID, { description: "A partner organisation (city, municipality, PCSW, NGO or other)." })
  @MaxLength(200)
  organisationId: string;

  @Field(() => MembershipRole)
  role: MembershipRole;

  @Field(() => DateScalar)
  joinedOn: string;
}

@InputType()
export class CreateConsortiumInput {
  @Field()
  @Length(1, 200)
  @NotBlank()
  name: string;

  @Field(() => [ConsortiumMemberInput], { description: "At least one member, exactly one of them LEAD, each organisation once." })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  members: ConsortiumMemberInput[];

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@InputType()
export class AddConsortiumMemberInput {
  @Field(() => ID)
  @MaxLength(200)
  consortiumId: string;

  @Field(() => ID, { description: "A partner organisation that is not already a member." })
  @MaxLength(200)
  organisationId: string;

  @Field(() => MembershipRole, { description: "LEAD makes the new member the lead at once; the current lead stays on as MEMBER." })
  role: MembershipRole;

  @Field(() => DateScalar)
  joinedOn: string;

  @Field(() => Int, { description: "The consortium's version as you last read it: every change of membership changes the consortium." })
  @Min(1)
  expectedVersion: number;
}

@InputType()
export class EndConsortiumMembershipInput {
  @Field(() => ID)
  @MaxLength(200)
  membershipId: string;

  @Field(() => DateScalar, { description: "The first day the organisation is no longer a member; not before joinedOn." })
  leftOn: string;

  @Field(() => Int, { description: "The consortium's version as you last read it: every change of membership changes the consortium." })
  @Min(1)
  expectedVersion: number;

  @Field(() => ID, { nullable: true, description: "Required when the lead leaves: a remaining member that becomes the lead at once." })
  @IsOptional()
  @MaxLength(200)
  newLeadOrganisationId?: string | null;
}

@InputType()
export class ConsortiumFilter {
  @Field(() => String, { nullable: true, description: "Part of the name, any case." })
  @IsOptional()
  @MaxLength(100)
  nameContains?: string | null;

  @Field(() => ID, { nullable: true, description: "Only consortia this organisation is a member of today." })
  @IsOptional()
  @MaxLength(200)
  organisationId?: string | null;
}

export enum ConsortiumOrderField {
  NAME = "NAME",
  CREATED_AT = "CREATED_AT",
}
registerEnumType(ConsortiumOrderField, { name: "ConsortiumOrderField" });

@InputType()
export class ConsortiumOrder {
  @Field(() => ConsortiumOrderField)
  field: ConsortiumOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC })
  direction: OrderDirection;
}
