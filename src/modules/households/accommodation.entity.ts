import { Field, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { Money } from "../../graphql/money";
import { VersionedEntity } from "../../database/node-entity";
import { Node } from "../../graphql/node";
import { DateScalar } from "../../graphql/scalars";

export enum LandlordKind {
  SOCIAL_HOUSING = "SOCIAL_HOUSING",
  PCSW = "PCSW",
  PRIVATE = "PRIVATE",
  NGO = "NGO",
  OTHER = "OTHER",
}
registerEnumType(LandlordKind, { name: "LandlordKind" });

@Entity("accommodation")
@ObjectType({ implements: Node, simpleResolvers: true, description: "A home of a household; the programme requires it to be available for at least a year." })
export class Accommodation extends VersionedEntity {
  @Column({ name: "household_id", type: "uuid" })
  householdKey: string;

  @Field()
  @Column({ name: "street_address" })
  streetAddress: string;

  @Field()
  @Column({ name: "postal_code", type: "char", length: 4 })
  postalCode: string;

  @Field()
  @Column()
  municipality: string;

  @Field(() => DateScalar)
  @Column({ name: "available_from", type: "date" })
  availableFrom: string;

  @Field(() => DateScalar, { nullable: true, description: "Null for an open-ended lease." })
  @Column({ name: "available_until", type: "date", nullable: true })
  availableUntil: string | null;

  @Column({ name: "monthly_rent_cents", type: "integer", nullable: true })
  monthlyRentCents: number | null;

  @Field(() => Money, { nullable: true })
  get monthlyRent(): Money | null {
    return this.monthlyRentCents === null ? null : Money.fromCents(this.monthlyRentCents);
  }

  @Field(() => LandlordKind)
  @Column({ name: "landlord_kind", type: "text" })
  landlordKind: LandlordKind;

  @Field({ description: "True when a stay shorter than a year was explicitly acknowledged." })
  @Column({ name: "short_stay_acknowledged", type: "boolean", default: false })
  shortStayAcknowledged: boolean;
}
