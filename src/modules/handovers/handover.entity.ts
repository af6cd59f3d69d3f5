import { Field, ObjectType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { VersionedEntity } from "../../database/node-entity";
import { Node } from "../../graphql/node";
import { DateTimeScalar } from "../../graphql/scalars";
import { HandoverStatus } from "../tasks/task-enums";

/** A member's proposal to pass a task to another member, and what became of it. */
@Entity("handover")
@ObjectType({
  implements: Node,
  description:
    "A proposal to pass a task to another member; accepting it makes that member the assignee. An open proposal is withdrawn automatically (with a history entry) when its task is assigned to another member or closed.",
})
export class Handover extends VersionedEntity {
  @Column({ name: "task_id", type: "uuid" })
  taskKey: string;

  @Column({ name: "from_organisation_id", type: "uuid" })
  fromOrganisationKey: string;

  @Column({ name: "to_organisation_id", type: "uuid" })
  toOrganisationKey: string;

  @Column({ name: "proposed_by_user_id", type: "uuid" })
  proposedByUserKey: string;

  @Field(() => HandoverStatus)
  @Column({ type: "text", default: HandoverStatus.PROPOSED })
  status: HandoverStatus;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  message: string | null;

  @Field(() => String, { nullable: true, description: "Why the receiving member declined." })
  @Column({ name: "decline_reason", type: "text", nullable: true })
  declineReason: string | null;

  @Column({ name: "decided_by_user_id", type: "uuid", nullable: true })
  decidedByUserKey: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ name: "decided_at", type: "timestamptz", nullable: true })
  decidedAt: Date | null;
}
