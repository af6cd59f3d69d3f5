import { Field, Int, ObjectType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { VersionedEntity } from "../../database/node-entity";
import { Money } from "../../graphql/money";
import { Node } from "../../graphql/node";
import { DateScalar } from "../../graphql/scalars";
import { FundingKind } from "./funding-enums";
import { FundingLineKind } from "./funding-line-enums";

/**
 * One amount Fedasil owes under an agreement, explained. The engine's lines are recomputed while
 * unsettled; a settled line never changes again (corrections then come as ADJUSTMENT lines).
 */
@Entity("funding_line")
@ObjectType({
  implements: Node,
  description: "One amount Fedasil owes, explained, and its split between the consortium's members. Recomputed while unsettled when the household's facts are corrected; once settled it never changes: later corrections come as ADJUSTMENT lines.",
})
export class FundingLine extends VersionedEntity {
  @Column({ name: "agreement_id", type: "uuid" })
  agreementKey: string;

  @Column({ name: "household_id", type: "uuid", nullable: true })
  householdKey: string | null;

  @Field(() => FundingLineKind)
  @Column({ type: "text" })
  kind: FundingLineKind;

  @Field(() => FundingKind, { nullable: true, description: "For an automatic ADJUSTMENT: the kind whose settled line it corrects." })
  @Column({ name: "corrects_kind", type: "text", nullable: true })
  correctsKind: FundingKind | null;

  @Column({ name: "corrects_line_id", type: "uuid", nullable: true })
  correctsLineKey: string | null;

  @Field(() => Int, { description: "Persons (or households) the rate is paid for; 1 for an adjustment." })
  @Column({ type: "integer", default: 1 })
  quantity: number;

  @Column({ name: "rate_cents", type: "integer", nullable: true })
  rateCents: number | null;

  @Column({ name: "rate_schedule_id", type: "uuid", nullable: true })
  rateScheduleKey: string | null;

  @Column({ name: "amount_cents", type: "integer" })
  amountCents: number;

  @Field(() => DateScalar, { description: "When Fedasil owes it; the members on this day share it." })
  @Column({ name: "due_on", type: "date" })
  dueOn: string;

  @Field({ description: "How the amount was reached, e.g. \"5 resettled persons × €3,000.00 = €15,000.00 (rates from 2016-01-01)\"." })
  @Column({ type: "text" })
  explanation: string;

  @Field(() => String, { nullable: true, description: "Why an ADJUSTMENT was made; null for the engine's lines." })
  @Column({ type: "text", nullable: true })
  reason: string | null;

  @Field(() => DateScalar, { nullable: true, description: "When Fedasil paid it; null while unsettled." })
  @Column({ name: "settled_on", type: "date", nullable: true })
  settledOn: string | null;

  @Column({ name: "settled_by_user_id", type: "uuid", nullable: true })
  settledByUserKey: string | null;

  @Field(() => String, { nullable: true, description: "Fedasil's reference of the payment." })
  @Column({ name: "settlement_reference", type: "text", nullable: true })
  settlementReference: string | null;

  @Column({ name: "created_by_user_id", type: "uuid", nullable: true })
  createdByUserKey: string | null;

  @Field(() => Money, { nullable: true, description: "The rate per unit this line used (see rateSchedule); null for an adjustment." })
  get rate(): Money | null {
    return this.rateCents === null ? null : Money.fromCents(this.rateCents);
  }

  @Field(() => Money, { description: "quantity × rate; signed for an adjustment." })
  get amount(): Money {
    return Money.fromCents(this.amountCents);
  }
}
