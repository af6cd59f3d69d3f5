import { Field, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity } from "typeorm";
import { NodeEntity } from "../../database/node-entity";
import { Node } from "../../graphql/node";
import { DateTimeScalar } from "../../graphql/scalars";

@Entity("task_comment")
@ObjectType({ implements: Node, description: "A comment on a task by a member of the consortium." })
export class TaskComment extends NodeEntity {
  @Column({ name: "task_id", type: "uuid" })
  taskKey: string;

  @Column({ name: "author_user_id", type: "uuid" })
  authorUserKey: string;

  @Column({ name: "author_organisation_id", type: "uuid" })
  authorOrganisationKey: string;

  @Field()
  @Column()
  body: string;

  @Field(() => DateTimeScalar)
  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}
