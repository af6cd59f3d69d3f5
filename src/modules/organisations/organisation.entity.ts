import { Field, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { VersionedEntity } from "../../database/node-entity";
import { Node } from "../../graphql/node";
import type { FieldNeeds } from "../../graphql/projection";
import { formatEnterpriseNumber } from "./enterprise-number";

export enum OrganisationKind {
  CITY = "CITY",
  MUNICIPALITY = "MUNICIPALITY",
  PCSW = "PCSW",
  NGO = "NGO",
  FEDASIL = "FEDASIL",
  EVALUATOR = "EVALUATOR",
  OTHER = "OTHER",
}
registerEnumType(OrganisationKind, {
  name: "OrganisationKind",
  description: "PCSW is the public centre for social welfare (OCMW / CPAS).",
});

export enum Province {
  ANTWERP = "ANTWERP",
  EAST_FLANDERS = "EAST_FLANDERS",
  FLEMISH_BRABANT = "FLEMISH_BRABANT",
  LIMBURG = "LIMBURG",
  WEST_FLANDERS = "WEST_FLANDERS",
  HAINAUT = "HAINAUT",
  LIEGE = "LIEGE",
  LUXEMBOURG = "LUXEMBOURG",
  NAMUR = "NAMUR",
  WALLOON_BRABANT = "WALLOON_BRABANT",
  BRUSSELS_CAPITAL = "BRUSSELS_CAPITAL",
}
registerEnumType(Province, { name: "Province", description: "Belgian provinces; Brussels-Capital stands as its own." });

/** What Organisation's computed fields read (see propertiesRead). */
export const ORGANISATION_FIELD_NEEDS: FieldNeeds = { enterpriseNumber: ["enterpriseNumberDigits"] };

@Entity("organisation")
@ObjectType({ implements: Node, simpleResolvers: true, description: "A city, commune, PCSW, NGO or Fedasil itself." })
export class Organisation extends VersionedEntity {
  @Field(() => OrganisationKind)
  @Column({ type: "text" })
  kind: OrganisationKind;

  @Field()
  @Column()
  name: string;

  /** Ten digits, no separators. */
  @Column({ name: "enterprise_number", type: "char", length: 10 })
  enterpriseNumberDigits: string;

  @Field({ description: "Belgian enterprise number (KBO/BCE), e.g. 0207.446.759." })
  get enterpriseNumber(): string {
    return formatEnterpriseNumber(this.enterpriseNumberDigits);
  }

  @Field({ description: "Four-digit Belgian postal code." })
  @Column({ name: "postal_code", type: "char", length: 4 })
  postalCode: string;

  @Field()
  @Column()
  municipality: string;

  @Field(() => Province)
  @Column({ type: "text" })
  province: Province;
}
