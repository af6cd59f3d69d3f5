import { Field, ObjectType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { VersionedEntity } from "../../database/node-entity";
import { Node } from "../../graphql/node";
import { DateScalar, DateTimeScalar } from "../../graphql/scalars";
import { TaskCategory, TaskStatus } from "./task-enums";
import type { TaskReadAlong } from "./task-rows";

/** One step of a household's integration path (or an agreement-level task), owned by a member organisation. */
@Entity("task")
@ObjectType({ implements: Node, simpleResolvers: true, description: "A step of a household's integration path, assigned to a member organisation of the consortium." })
export class Task extends VersionedEntity {
  @Column({ name: "agreement_id", type: "uuid" })
  agreementKey: string;

  @Column({ name: "household_id", type: "uuid", nullable: true })
  householdKey: string | null;

  @Column({ name: "template_id", type: "uuid", nullable: true })
  templateKey: string | null;

  /** The child a school-enrolment task is about. */
  @Column({ name: "person_id", type: "uuid", nullable: true })
  personKey: string | null;

  @Field(() => TaskCategory)
  @Column({ type: "text" })
  category: TaskCategory;

  /** Own title of a task made without a template; template tasks take the template's title in the reader's language. */
  @Column({ name: "title", type: "text", nullable: true })
  customTitle: string | null;

  @Field(() => DateScalar)
  @Column({ name: "due_on", type: "date" })
  dueOn: string;

  @Field(() => TaskStatus)
  @Column({ type: "text", default: TaskStatus.OPEN })
  status: TaskStatus;

  @Field(() => String, { nullable: true, description: "Why the task is BLOCKED or NOT_APPLICABLE." })
  @Column({ name: "status_reason", type: "text", nullable: true })
  statusReason: string | null;

  @Column({ name: "assignee_organisation_id", type: "uuid" })
  assigneeOrganisationKey: string;

  @Column({ name: "assignee_user_id", type: "uuid", nullable: true })
  assigneeUserKey: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ name: "done_at", type: "timestamptz", nullable: true })
  doneAt: Date | null;

  @Column({ name: "done_by_user_id", type: "uuid", nullable: true })
  doneByUserKey: string | null;

  /** What lists read along with the task (task-rows.ts); resolvers load it otherwise. */
  declare readAlong?: TaskReadAlong;
}
