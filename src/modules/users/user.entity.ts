import { Field, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity } from "typeorm";
import { Role } from "../../auth/roles";
import { NodeEntity } from "../../database/node-entity";
import { Node } from "../../graphql/node";

/** A person working for an organisation; the token's subject finds them. Role and organisation live here, not in the token. */
@Entity("app_user")
@ObjectType({ implements: Node, description: "Someone who works with thuis, for one organisation, in one role." })
export class User extends NodeEntity {
  /** The token subject (`sub`): the identity provider's user id, or the demo login. */
  @Column({ unique: true })
  subject: string;

  @Field()
  @Column({ name: "display_name" })
  displayName: string;

  @Field(() => Role)
  @Column({ type: "text" })
  role: Role;

  @Column({ name: "organisation_id", type: "uuid" })
  organisationKey: string;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}
