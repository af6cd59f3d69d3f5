import { Field, ID, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity } from "typeorm";
import { DateTimeScalar } from "../../graphql/scalars";
import { toGlobalId } from "../../graphql/global-id";
import { NodeEntity } from "../../database/node-entity";
import { Node } from "../../graphql/node";

/**
 * Who changed what, when, with the state before and after; written in the change's own
 * transaction. The table's `position` (insertion order) orders the events of one change, which
 * share its transaction's `occurred_at`; it is read in SQL only.
 */
@Entity("audit_event")
@ObjectType({ implements: Node, simpleResolvers: true, description: "One change: who made it, when, and the object before and after." })
export class AuditEvent extends NodeEntity {
  @Field(() => DateTimeScalar, { description: "When the change's transaction began; the events of one mutation share it." })
  @CreateDateColumn({ name: "occurred_at", type: "timestamptz" })
  occurredAt: Date;

  @Column({ name: "actor_user_id", type: "uuid", nullable: true })
  actorUserKey: string | null;

  @Column({ name: "actor_organisation_id", type: "uuid", nullable: true })
  actorOrganisationKey: string | null;

  @Field({ description: "The mutation that made the change, e.g. createHousehold." })
  @Column()
  action: string;

  @Field({ description: "The type of the changed object, e.g. Household." })
  @Column({ name: "subject_type" })
  subjectType: string;

  @Column({ name: "subject_id", type: "uuid" })
  subjectKey: string;

  @Field(() => ID, { description: "Global ID of the changed object (also when it has since been removed)." })
  get subjectId(): string {
    return toGlobalId(this.subjectType, this.subjectKey);
  }

  @Column({ name: "consortium_id", type: "uuid", nullable: true })
  consortiumKey: string | null;

  @Column({ type: "jsonb", nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: "jsonb", nullable: true })
  after: Record<string, unknown> | null;

  @Field(() => String, { nullable: true, description: "The X-Request-Id of the request that made the change, as in the server's log lines." })
  @Column({ name: "request_id", type: "text", nullable: true })
  requestId: string | null;
}
