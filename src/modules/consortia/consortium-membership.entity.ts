import { Field, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { VersionedEntity } from "../../database/node-entity";
import { Node } from "../../graphql/node";
import { DateScalar } from "../../graphql/scalars";
import { MembershipRole } from "./membership-rules";

export { MembershipRole };
registerEnumType(MembershipRole, { name: "MembershipRole", description: "The lead partner signs for the consortium." });

/** An organisation's dated membership of a consortium; ended memberships stay as history. */
@Entity("consortium_membership")
@ObjectType({ implements: Node, description: "An organisation's membership of a consortium, from joinedOn until leftOn." })
export class ConsortiumMembership extends VersionedEntity {
  @Column({ name: "consortium_id", type: "uuid" })
  consortiumKey: string;

  @Column({ name: "organisation_id", type: "uuid" })
  organisationKey: string;

  @Field(() => MembershipRole, { description: "Ended memberships keep the role they had when they ended." })
  @Column({ type: "text" })
  role: MembershipRole;

  @Field(() => DateScalar)
  @Column({ name: "joined_on", type: "date" })
  joinedOn: string;

  @Field(() => DateScalar, { nullable: true, description: "The first day the organisation is no longer a member; null until its leaving is registered." })
  @Column({ name: "left_on", type: "date", nullable: true })
  leftOn: string | null;
}
