import { Field, ID, Int, ObjectType } from "type-graphql";
import { Money } from "../../../graphql/money";
import { DateScalar } from "../../../graphql/scalars";
import { toGlobalId } from "../../../graphql/global-id";
import { Agreement } from "../../agreements/agreement.entity";
import { Organisation } from "../../organisations/organisation.entity";
import type { StatementSelection } from "./statement-selection";
import { FundingLineKind } from "../funding-line-enums";

@ObjectType({ simpleResolvers: true, description: "The days a statement covers, both inclusive; lines count in it by their due date." })
export class FundingPeriod {
  @Field(() => DateScalar) from: string;
  @Field(() => DateScalar) to: string;
}

/** due = settled + unsettled, in cents, over some of a statement's lines. */
export interface AmountsDue {
  dueCents: number;
  settledCents: number;
  unsettledCents: number;
  lineCount: number;
}

const DUE = "Sum of the amounts due in the period (in a member statement: the member's shares of them), adjustments included with their sign.";
const SETTLED = "The part of `due` on lines Fedasil has settled (paid), whenever it paid them.";
const UNSETTLED = "The part of `due` on lines not yet settled: `due` = `settled` + `unsettled`.";

@ObjectType({ simpleResolvers: true })
abstract class DueFigures implements AmountsDue {
  dueCents: number;
  settledCents: number;
  unsettledCents: number;

  @Field(() => Money, { description: DUE })
  get due(): Money {
    return Money.fromCents(this.dueCents);
  }

  @Field(() => Money, { description: SETTLED })
  get settled(): Money {
    return Money.fromCents(this.settledCents);
  }

  @Field(() => Money, { description: UNSETTLED })
  get unsettled(): Money {
    return Money.fromCents(this.unsettledCents);
  }

  @Field(() => Int, { description: "How many lines these figures add up." })
  lineCount: number;
}

@ObjectType({ simpleResolvers: true, description: "The statement's grand totals over all its lines." })
export class FundingTotals extends DueFigures {}

@ObjectType({ simpleResolvers: true, description: "The statement's lines of one kind." })
export class FundingKindTotal {
  dueCents: number;

  @Field(() => FundingLineKind) kind: FundingLineKind;

  @Field(() => Money, { description: `${DUE} Only lines of this kind.` })
  get amount(): Money {
    return Money.fromCents(this.dueCents);
  }

  @Field(() => Int, { description: "How many lines of this kind the statement counts." })
  lineCount: number;
}

@ObjectType({ simpleResolvers: true, description: "One consortium member's shares of the statement's lines, from the lines' allocations." })
export class FundingMemberTotal extends DueFigures {
  /** Read with the figures. */
  @Field(() => Organisation)
  organisation: Organisation;
}

@ObjectType({ simpleResolvers: true, description: "The statement's lines under one agreement." })
export class FundingAgreementTotal extends DueFigures {
  /** Read with the figures. */
  @Field(() => Agreement)
  agreement: Agreement;
}

@ObjectType({ simpleResolvers: true, description: "One funding line of a statement." })
export class FundingStatementLine {
  key: string;
  agreementKey: string;
  agreementReference: string;
  amountCents: number;
  allocationCents: number | null;

  @Field(() => ID, { description: "The global ID of the FundingLine, for node(id) (partners and Fedasil)." })
  get lineId(): string {
    return toGlobalId("FundingLine", this.key);
  }

  @Field(() => String, { nullable: true, description: "The household's reference; null for an adjustment not tied to a household." })
  householdReference: string | null;

  @Field(() => FundingLineKind) kind: FundingLineKind;

  @Field({ description: "Why the line is owed: the rule, quantity and rate applied, or the adjustment's reason." })
  explanation: string;

  @Field(() => DateScalar, { description: "When the amount falls due; it places the line in a period." })
  dueOn: string;

  @Field(() => Money, { description: "The whole line's amount; negative for an adjustment in Fedasil's favour." })
  get amount(): Money {
    return Money.fromCents(this.amountCents);
  }

  @Field(() => DateScalar, { nullable: true, description: "When Fedasil settled (paid) the line; null while unsettled." })
  settledOn: string | null;

  @Field(() => Money, { nullable: true, description: "In a member statement, that member's share of the line; null otherwise." })
  get allocation(): Money | null {
    return this.allocationCents === null ? null : Money.fromCents(this.allocationCents);
  }
}

/** The figures of one statement, read together in one SQL statement. */
export interface StatementFigures {
  totals: FundingTotals;
  byKind: FundingKindTotal[];
  byAgreement: FundingAgreementTotal[];
  byMember: FundingMemberTotal[];
}

@ObjectType({
  simpleResolvers: true,
  description:
    "What Fedasil owes for the lines due in a period, as far as the viewer may see: a partner its consortia's agreements, Fedasil every partner.",
})
export class FundingStatement {
  @Field(() => FundingPeriod, { description: "The period asked for; every figure counts the lines due in it." })
  period: FundingPeriod;

  /** Which lines count, in SQL; the figures are read once, on first use. */
  selection: StatementSelection;
  figures: () => Promise<StatementFigures>;
}
