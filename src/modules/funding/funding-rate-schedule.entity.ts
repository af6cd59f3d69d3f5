import { Field, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity } from "typeorm";
import { NodeEntity } from "../../database/node-entity";
import { Node } from "../../graphql/node";
import { DateScalar, DateTimeScalar } from "../../graphql/scalars";

/** Rates in force from a day on; never changed once written, since funding lines record the rates they used. */
@Entity("funding_rate_schedule")
@ObjectType({
  implements: Node,
  description: "The funding rates in force from a day on. A line takes the schedule with the latest effective date on or before its due date.",
})
export class FundingRateSchedule extends NodeEntity {
  @Field(() => DateScalar, { description: "Applies to lines due on or after this day, until a later schedule takes effect." })
  @Column({ name: "effective_from", type: "date" })
  effectiveFrom: string;

  @Field(() => String, { nullable: true, description: "Why or under which terms the rates were set." })
  @Column({ type: "text", nullable: true })
  note: string | null;

  @Field(() => DateTimeScalar, { description: "When the schedule was entered." })
  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}
