import { IsOptional, Length, Matches, MaxLength } from "class-validator";
import { Field, InputType, registerEnumType } from "type-graphql";
import { OrderDirection } from "../../graphql/order";
import { OrganisationKind, Province } from "./organisation.entity";
import { IdempotencyKeyField } from "../../graphql/idempotency-key";
import { NotBlank } from "../../graphql/input-validation";

@InputType()
export class CreateOrganisationInput {
  @Field(() => OrganisationKind)
  kind: OrganisationKind;

  @Field()
  @Length(1, 200)
  @NotBlank()
  name: string;

  @Field({ description: "KBO/BCE number: ten digits with valid check digits; dots, spaces and BE prefix allowed." })
  @MaxLength(20)
  enterpriseNumber: string;

  @Field()
  @Matches(/^[1-9]\d{3}$/, { message: "postalCode must be a four-digit Belgian postal code" })
  postalCode: string;

  @Field()
  @Length(1, 100)
  @NotBlank()
  municipality: string;

  @Field(() => Province)
  province: Province;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@InputType()
export class OrganisationFilter {
  @Field(() => [OrganisationKind], { nullable: true })
  kinds?: OrganisationKind[] | null;

  @Field(() => [Province], { nullable: true })
  provinces?: Province[] | null;

  @Field(() => String, { nullable: true, description: "Part of the name, any case." })
  @IsOptional()
  @MaxLength(100)
  nameContains?: string | null;
}

export enum OrganisationOrderField {
  NAME = "NAME",
  CREATED_AT = "CREATED_AT",
}
registerEnumType(OrganisationOrderField, { name: "OrganisationOrderField" });

@InputType()
export class OrganisationOrder {
  @Field(() => OrganisationOrderField)
  field: OrganisationOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC })
  direction: OrderDirection;
}
