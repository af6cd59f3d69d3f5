import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";
import { toGlobalId } from "../graphql/global-id";
import { Node } from "../graphql/node";
import { DateTimeScalar } from "../graphql/scalars";

/**
 * A stored object with an identity: `key` is the database's uuid (never shown), `id` the opaque
 * global ID built from the class name, which is also the GraphQL type name. Their fields are
 * plain properties and getters: `simpleResolvers` lets GraphQL read them without a wrapper each.
 */
@ObjectType({ simpleResolvers: true })
export abstract class NodeEntity implements Node {
  @PrimaryGeneratedColumn("uuid", { name: "id" })
  key: string;

  @Field(() => ID)
  get id(): string {
    return toGlobalId(this.constructor.name, this.key);
  }
}

/** A stored object users change: updates pass its `version` as expectedVersion. */
@ObjectType({ simpleResolvers: true })
export abstract class VersionedEntity extends NodeEntity {
  @Field(() => Int, { description: "Changes with every update; pass it as expectedVersion to update the object." })
  @Column({ type: "integer", default: 1 })
  version: number;

  @Field(() => DateTimeScalar)
  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;

  @Field(() => DateTimeScalar)
  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt: Date;
}
