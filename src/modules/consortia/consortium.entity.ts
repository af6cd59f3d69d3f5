import { Field, ObjectType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { VersionedEntity } from "../../database/node-entity";
import { Node } from "../../graphql/node";

@Entity("consortium")
@ObjectType({ implements: Node, description: "The organisations that jointly hold agreements with Fedasil; one organisation alone is a consortium of one." })
export class Consortium extends VersionedEntity {
  @Field()
  @Column()
  name: string;
}
