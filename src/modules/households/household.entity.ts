import { Field, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { VersionedEntity } from "../../database/node-entity";
import { Node } from "../../graphql/node";
import { DateScalar } from "../../graphql/scalars";
import type { HouseholdReadAlong } from "./household-rows";
import { HouseholdStatus } from "./household-status";

export { HouseholdStatus };
registerEnumType(HouseholdStatus, {
  name: "HouseholdStatus",
  description: "PLANNED until arrival; IN_ACCOMPANIMENT for the first year, EXTENDED in the second; COMPLETED or EXITED (left early) at the end.",
});

export enum ArrivalRoute {
  DIRECT = "DIRECT",
  VIA_RECEPTION = "VIA_RECEPTION",
}
registerEnumType(ArrivalRoute, {
  name: "ArrivalRoute",
  description: "DIRECT: straight into the partner's care; VIA_RECEPTION: after a stay in Fedasil's reception network.",
});

@Entity("household")
@ObjectType({
  implements: Node,
  simpleResolvers: true,
  description: "A resettled person or family followed under one agreement, shared by the consortium's members. Its version changes with its own facts and status; members and homes carry their own versions.",
})
export class Household extends VersionedEntity {
  @Column({ name: "agreement_id", type: "uuid" })
  agreementKey: string;

  @Field({ description: "The partners' reference of the household, unique." })
  @Column()
  reference: string;

  @Field(() => HouseholdStatus)
  @Column({ type: "text", default: HouseholdStatus.PLANNED })
  status: HouseholdStatus;

  @Field(() => ArrivalRoute, { nullable: true })
  @Column({ name: "arrival_route", type: "text", nullable: true })
  arrivalRoute: ArrivalRoute | null;

  @Field(() => DateScalar, { nullable: true })
  @Column({ name: "expected_arrival_on", type: "date", nullable: true })
  expectedArrivalOn: string | null;

  @Field(() => DateScalar, { nullable: true })
  @Column({ name: "arrived_on", type: "date", nullable: true })
  arrivedOn: string | null;

  @Field(() => DateScalar, { nullable: true, description: "On arrival (DIRECT) or on transfer from reception." })
  @Column({ name: "accompaniment_starts_on", type: "date", nullable: true })
  accompanimentStartsOn: string | null;

  @Field(() => DateScalar, { nullable: true, description: "12 months after the start; 24 when extended." })
  @Column({ name: "accompaniment_ends_on", type: "date", nullable: true })
  accompanimentEndsOn: string | null;

  @Field(() => DateScalar, { nullable: true, description: "When the second year was granted." })
  @Column({ name: "extended_on", type: "date", nullable: true })
  extendedOn: string | null;

  @Field(() => DateScalar, { nullable: true })
  @Column({ name: "exited_on", type: "date", nullable: true })
  exitedOn: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: "exit_reason", type: "text", nullable: true })
  exitReason: string | null;

  /** What a list read along with the household (household-rows.ts); loaders read it otherwise. */
  declare readAlong?: HouseholdReadAlong;
}
