import { Field, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { VersionedEntity } from "../../database/node-entity";
import { Node } from "../../graphql/node";
import { DateScalar } from "../../graphql/scalars";
import { Relationship } from "./person-rules";

export enum Sex {
  FEMALE = "FEMALE",
  MALE = "MALE",
  X = "X",
}
registerEnumType(Sex, { name: "Sex", description: "As registered; X where the person's documents say so." });

export { Relationship };
registerEnumType(Relationship, { name: "Relationship", description: "Relationship to the head of the household; exactly one HEAD." });

@Entity("person")
@ObjectType({ implements: Node, simpleResolvers: true, description: "A member of a household. Personal data: visible to the consortium and Fedasil only." })
export class Person extends VersionedEntity {
  @Column({ name: "household_id", type: "uuid" })
  householdKey: string;

  @Field()
  @Column({ name: "given_name" })
  givenName: string;

  @Field()
  @Column({ name: "family_name" })
  familyName: string;

  @Field(() => DateScalar)
  @Column({ name: "birth_date", type: "date" })
  birthDate: string;

  @Field(() => Sex)
  @Column({ type: "text" })
  sex: Sex;

  @Field(() => Relationship)
  @Column({ type: "text" })
  relationship: Relationship;

  @Field({ description: "Resettled under the programme; false for a child born after arrival (a member, but not funded)." })
  @Column({ type: "boolean", default: true })
  resettled: boolean;
}
