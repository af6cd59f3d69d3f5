import { Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { Money } from "../../graphql/money";

/** One member's share of a funding line; the shares of a line add up to it exactly. */
@Entity("funding_allocation")
@ObjectType({ description: "One consortium member's share of a funding line, by largest remainder in whole cents." })
export class FundingAllocation {
  @PrimaryGeneratedColumn("uuid", { name: "id" })
  key: string;

  @Column({ name: "funding_line_id", type: "uuid" })
  lineKey: string;

  @Column({ name: "organisation_id", type: "uuid" })
  organisationKey: string;

  /** Place in the split: a tied cent goes to the member listed first. */
  @Column({ type: "integer" })
  position: number;

  @Field(() => Int, { description: "The member's weight in the split: from the split rule in force on the line's due date, else 1 each." })
  @Column({ type: "integer" })
  weight: number;

  @Column({ name: "amount_cents", type: "integer" })
  amountCents: number;

  @Field(() => Money)
  get amount(): Money {
    return Money.fromCents(this.amountCents);
  }
}
