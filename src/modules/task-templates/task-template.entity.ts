import { Field, Int, ObjectType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { VersionedEntity } from "../../database/node-entity";
import { Node } from "../../graphql/node";
import { DateScalar } from "../../graphql/scalars";
import { DueAnchor, KeyMoment, TaskCategory } from "../tasks/task-enums";

/** One step of the standard integration path; registerArrival turns the active ones into tasks. */
@Entity("task_template")
@ObjectType({ implements: Node, simpleResolvers: true, description: "A step of the standard integration path, with its due date relative to the accompaniment." })
export class TaskTemplate extends VersionedEntity {
  @Field({ description: "Stable code, e.g. REGISTER_AT_COMMUNE." })
  @Column()
  code: string;

  @Field(() => TaskCategory)
  @Column({ type: "text" })
  category: TaskCategory;

  @Column({ name: "title_nl" })
  titleNl: string;

  @Column({ name: "title_fr" })
  titleFr: string;

  @Column({ name: "title_en" })
  titleEn: string;

  @Field(() => DueAnchor)
  @Column({ name: "due_anchor", type: "text" })
  dueAnchor: DueAnchor;

  @Field(() => Int, { description: "Months from the anchor (negative: before it)." })
  @Column({ name: "due_offset_months", type: "integer", default: 0 })
  dueOffsetMonths: number;

  @Field(() => Int, { description: "Days added after the months." })
  @Column({ name: "due_offset_days", type: "integer", default: 0 })
  dueOffsetDays: number;

  @Field({ description: "One task per school-age child instead of one per household." })
  @Column({ name: "per_school_age_child", type: "boolean", default: false })
  perSchoolAgeChild: boolean;

  @Field(() => KeyMoment, { nullable: true, description: "Set on key-moment report templates; a report for that moment completes the task." })
  @Column({ name: "key_moment", type: "text", nullable: true })
  keyMoment: KeyMoment | null;

  @Field(() => Int)
  @Column({ name: "sort_order", type: "integer", default: 0 })
  sortOrder: number;

  @Field(() => DateScalar, { nullable: true, description: "Retired templates create no new tasks; existing tasks stay." })
  @Column({ name: "retired_on", type: "date", nullable: true })
  retiredOn: string | null;
}
