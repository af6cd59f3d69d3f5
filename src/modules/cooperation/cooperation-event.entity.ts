import { Field, ObjectType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { VersionedEntity } from "../../database/node-entity";
import { Node } from "../../graphql/node";
import { DateScalar } from "../../graphql/scalars";
import { CooperationEventKind, KeyMoment } from "../tasks/task-enums";

/** The third objective: feedback, key-moment reports, meetings and Fedasil's evaluations. */
@Entity("cooperation_event")
@ObjectType({ implements: Node, description: "A moment of cooperation under an agreement: feedback, a key-moment report, a meeting or an evaluation." })
export class CooperationEvent extends VersionedEntity {
  @Column({ name: "agreement_id", type: "uuid" })
  agreementKey: string;

  @Field(() => CooperationEventKind)
  @Column({ type: "text" })
  kind: CooperationEventKind;

  @Field(() => DateScalar)
  @Column({ name: "occurred_on", type: "date" })
  occurredOn: string;

  @Field()
  @Column()
  title: string;

  @Field(() => String, { nullable: true, description: "Minutes of a meeting, or the text of the feedback or report." })
  @Column({ type: "text", nullable: true })
  summary: string | null;

  @Field(() => [String])
  @Column({ type: "text", array: true, default: () => "'{}'" })
  decisions: string[];

  @Column({ name: "participant_organisation_ids", type: "uuid", array: true, default: () => "'{}'" })
  participantOrganisationKeys: string[];

  @Field(() => KeyMoment, { nullable: true })
  @Column({ name: "key_moment", type: "text", nullable: true })
  keyMoment: KeyMoment | null;

  @Column({ name: "recorded_by_user_id", type: "uuid" })
  recordedByUserKey: string;

  @Column({ name: "recorded_by_organisation_id", type: "uuid" })
  recordedByOrganisationKey: string;
}
