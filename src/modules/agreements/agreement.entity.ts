import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { VersionedEntity } from "../../database/node-entity";
import { Node } from "../../graphql/node";
import { DateScalar } from "../../graphql/scalars";
import { AgreementStatus } from "./agreement-status";

export { AgreementStatus };
registerEnumType(AgreementStatus, {
  name: "AgreementStatus",
  description: "DRAFT until activated; ACTIVE once signed; ENDED at its term or TERMINATED before it.",
});

@Entity("agreement")
@ObjectType({ implements: Node, simpleResolvers: true, description: "The cooperation agreement a consortium signs with Fedasil." })
export class Agreement extends VersionedEntity {
  @Column({ name: "consortium_id", type: "uuid" })
  consortiumKey: string;

  @Field({ description: "Fedasil's reference of the agreement, unique." })
  @Column()
  reference: string;

  @Field(() => AgreementStatus)
  @Column({ type: "text", default: AgreementStatus.DRAFT })
  status: AgreementStatus;

  @Field(() => DateScalar, { nullable: true, description: "When it was signed; every ACTIVE, ENDED or TERMINATED agreement has one." })
  @Column({ name: "signed_on", type: "date", nullable: true })
  signedOn: string | null;

  @Field(() => DateScalar)
  @Column({ name: "starts_on", type: "date" })
  startsOn: string;

  @Field(() => DateScalar, { description: "The last day of the agreement's period." })
  @Column({ name: "ends_on", type: "date" })
  endsOn: string;

  @Field(() => Int, { description: "How many persons the consortium can receive under this agreement." })
  @Column({ type: "integer" })
  capacity: number;

  @Column({ name: "fedasil_contact_id", type: "uuid", nullable: true })
  fedasilContactKey: string | null;

  @Field(() => DateScalar, { nullable: true, description: "When the agreement was ended or terminated early." })
  @Column({ name: "ended_on", type: "date", nullable: true })
  endedOn: string | null;

  @Field(() => String, { nullable: true, description: "Why it was terminated early (or a note on its end)." })
  @Column({ name: "end_reason", type: "text", nullable: true })
  endReason: string | null;
}
