import { Field, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity } from "typeorm";
import { NodeEntity } from "../../database/node-entity";
import { Node } from "../../graphql/node";
import { DateScalar, DateTimeScalar } from "../../graphql/scalars";
import { TaskEventKind, TaskStatus } from "./task-enums";

/** One entry of a task's history: creation, assignments, status changes, comments, hand-overs. */
@Entity("task_event")
@ObjectType({ implements: Node, description: "One entry of a task's history." })
export class TaskEvent extends NodeEntity {
  @Column({ name: "task_id", type: "uuid" })
  taskKey: string;

  @Field(() => DateTimeScalar)
  @CreateDateColumn({ name: "occurred_at", type: "timestamptz" })
  occurredAt: Date;

  @Column({ name: "actor_user_id", type: "uuid", nullable: true })
  actorUserKey: string | null;

  @Column({ name: "actor_organisation_id", type: "uuid", nullable: true })
  actorOrganisationKey: string | null;

  @Field(() => TaskEventKind)
  @Column({ type: "text" })
  kind: TaskEventKind;

  @Field(() => TaskStatus, { nullable: true })
  @Column({ name: "from_status", type: "text", nullable: true })
  fromStatus: TaskStatus | null;

  @Field(() => TaskStatus, { nullable: true })
  @Column({ name: "to_status", type: "text", nullable: true })
  toStatus: TaskStatus | null;

  @Column({ name: "from_organisation_id", type: "uuid", nullable: true })
  fromOrganisationKey: string | null;

  @Column({ name: "to_organisation_id", type: "uuid", nullable: true })
  toOrganisationKey: string | null;

  @Field(() => DateScalar, { nullable: true })
  @Column({ name: "from_due_on", type: "date", nullable: true })
  fromDueOn: string | null;

  @Field(() => DateScalar, { nullable: true })
  @Column({ name: "to_due_on", type: "date", nullable: true })
  toDueOn: string | null;

  @Field(() => String, { nullable: true, description: "The reason or message given with the change." })
  @Column({ type: "text", nullable: true })
  note: string | null;
}
