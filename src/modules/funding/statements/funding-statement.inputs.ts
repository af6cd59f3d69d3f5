import { Field, ID, InputType } from "type-graphql";
import { DateScalar } from "../../../graphql/scalars";

/** Which lines a statement counts: those due in the period, narrowed by the optional fields. */
@InputType({ description: "Which funding lines a statement counts: those due in the period, narrowed by the optional fields." })
export class FundingStatementFilter {
  @Field(() => DateScalar, { description: "First day of the period, inclusive: lines count by their due date." })
  periodFrom: string;

  @Field(() => DateScalar, { description: "Last day of the period, inclusive; not before periodFrom." })
  periodTo: string;

  @Field(() => ID, { nullable: true, description: "Only this agreement's lines. An agreement the viewer may not see gives an empty statement." })
  agreementId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "A member's statement: only the lines with an allocation to this organisation, and every figure is that member's share. Unset: the whole of every agreement in scope. An organisation outside the viewer's consortia gives an empty statement.",
  })
  organisationId?: string | null;

  @Field(() => Boolean, { nullable: true, description: "true: only lines Fedasil has settled (paid); false: only unsettled ones; unset: both." })
  settled?: boolean | null;
}
