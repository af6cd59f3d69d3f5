import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { VersionedEntity } from "../../../database/node-entity";
import { Node } from "../../../graphql/node";
import { DateScalar, DateTimeScalar } from "../../../graphql/scalars";
import { FundingKind } from "../funding-enums";
import { SplitRuleStatus } from "./split-rule-rules";

registerEnumType(SplitRuleStatus, {
  name: "SplitRuleStatus",
  description: "Where a split rule stands in the consortium's decision.",
  valuesConfig: {
    PROPOSED: { description: "Waiting for the approval of every current member's coordinator." },
    APPROVED: { description: "In force from its effective date." },
    REJECTED: { description: "Refused by a member; final." },
    SUPERSEDED: { description: "Was approved, but a later rule of the same scope took effect on or before its date, so it never applies." },
  },
});

/** How a consortium divides an agreement's funding (or one household's) from a date on. */
@Entity("split_rule")
@ObjectType({
  implements: Node,
  description: "Weights by which the consortium's members divide an agreement's funding lines (or one household's), from its effective date on. Takes effect when every current member's coordinator has approved.",
})
export class SplitRule extends VersionedEntity {
  @Column({ name: "agreement_id", type: "uuid" })
  agreementKey: string;

  @Column({ name: "household_id", type: "uuid", nullable: true })
  householdKey: string | null;

  @Field(() => DateScalar, { description: "Lines due on or after this day that are not settled are divided by the rule once it takes effect." })
  @Column({ name: "effective_from", type: "date" })
  effectiveFrom: string;

  @Field(() => SplitRuleStatus)
  @Column({ type: "text" })
  status: SplitRuleStatus;

  @Column({ name: "proposed_by_user_id", type: "uuid" })
  proposedByUserKey: string;

  @Field(() => DateTimeScalar, { nullable: true, description: "When the last approval made it take effect." })
  @Column({ name: "took_effect_at", type: "timestamptz", nullable: true })
  tookEffectAt: Date | null;

  @Column({ name: "rejected_by_user_id", type: "uuid", nullable: true })
  rejectedByUserKey: string | null;

  @Field(() => String, { nullable: true, description: "Why a member rejected it." })
  @Column({ name: "rejection_reason", type: "text", nullable: true })
  rejectionReason: string | null;
}

/** One member's weight in a rule, by default or for one kind of line. */
@Entity("split_rule_weight")
@ObjectType({ description: "A member's weight in a split rule: its default (kind null) or for one kind of line." })
export class SplitRuleWeight {
  @PrimaryGeneratedColumn("uuid", { name: "id" })
  key: string;

  @Column({ name: "split_rule_id", type: "uuid" })
  ruleKey: string;

  @Column({ name: "organisation_id", type: "uuid" })
  organisationKey: string;

  @Field(() => FundingKind, { nullable: true, description: "Null: the member's weight for every kind without its own." })
  @Column({ type: "text", nullable: true })
  kind: FundingKind | null;

  @Field(() => Int)
  @Column({ type: "integer" })
  weight: number;

  /** Order given in the proposal: a tied cent goes to the member listed first. */
  @Column({ type: "integer" })
  position: number;
}

/** A member organisation's approval of a rule, given by its coordinator. */
@Entity("split_rule_approval")
@ObjectType({ description: "A member organisation's approval of a split rule, one per organisation." })
export class SplitRuleApproval {
  @PrimaryGeneratedColumn("uuid", { name: "id" })
  key: string;

  @Column({ name: "split_rule_id", type: "uuid" })
  ruleKey: string;

  @Column({ name: "organisation_id", type: "uuid" })
  organisationKey: string;

  @Column({ name: "approved_by_user_id", type: "uuid" })
  approvedByUserKey: string;

  @Field(() => DateTimeScalar)
  @Column({ name: "approved_at", type: "timestamptz" })
  approvedAt: Date;
}
