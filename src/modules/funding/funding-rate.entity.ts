import { Field, ObjectType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { NodeEntity } from "../../database/node-entity";
import { Money } from "../../graphql/money";
import { Node } from "../../graphql/node";
import { FundingKind } from "./funding-enums";

/** One kind's rate within a schedule, in integer cents. */
@Entity("funding_rate")
@ObjectType({ implements: Node, description: "The amount a schedule pays for one kind of funding line, per unit of that kind." })
export class FundingRate extends NodeEntity {
  @Column({ name: "schedule_id", type: "uuid" })
  scheduleKey: string;

  @Field(() => FundingKind)
  @Column({ type: "text" })
  kind: FundingKind;

  @Column({ name: "amount_cents", type: "integer" })
  amountCents: number;

  @Field(() => Money, { description: "Per resettled person, or per household for DIRECT_ARRIVAL_HEAD." })
  get amount(): Money {
    return Money.fromCents(this.amountCents);
  }
}
