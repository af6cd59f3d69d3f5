import { Field, Float, Int, ObjectType } from "type-graphql";
import { Money } from "../../graphql/money";
import type { ReportAnswer, ReportAnswerCell, ReportAnswerRow } from "./report-answer";
import { familyOf } from "./report-families";
import { ReportDimension, ReportMeasure } from "./report-vocabulary";

@ObjectType({ simpleResolvers: true, description: "A dimension's value in a report row." })
export class ReportDimensionValue {
  @Field(() => ReportDimension, { description: "The dimension this is the value of." })
  dimension: ReportDimension;

  @Field(() => String, {
    nullable: true,
    description:
      "The value: the global ID of the agreement, organisation or task template; otherwise the value itself (an enum value, 2025, 2025-Q1, 2025-03, a size band). Null for none, e.g. a household not arrived yet or an agreement-level task.",
  })
  key: string | null;

  @Field(() => String, {
    nullable: true,
    description: "What to show: the agreement's reference, the organisation's name, the template's title in the request's language; otherwise the key.",
  })
  label: string | null;
}

@ObjectType({ simpleResolvers: true, description: "A measure's value in a report row." })
export class ReportMeasureValue {
  @Field(() => ReportMeasure, { description: "The measure this is the value of." })
  measure: ReportMeasure;

  /** Counts, shares, days; funding in integer cents. */
  figure: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "Counts, a share from 0 to 1, or days. Null when withheld, when undefined (the median of no tasks), and for funding measures, which answer in `money`.",
  })
  get value(): number | null {
    return familyOf(this.measure) === "funding" ? null : this.figure;
  }

  @Field(() => Money, { nullable: true, description: "The amount of a funding measure; null for other measures and when withheld." })
  get money(): Money | null {
    return familyOf(this.measure) === "funding" && this.figure !== null ? Money.fromCents(this.figure) : null;
  }

  @Field({ description: "True when the value is withheld: it rests on too few households, or would let one be recomputed." })
  suppressed: boolean;
}

@ObjectType({ simpleResolvers: true, description: "One combination of dimension values and its measures; the totals row has no dimension values." })
export class ReportRow {
  @Field(() => [ReportDimensionValue], { description: "In the order of the definition's dimensions." })
  dimensions: ReportDimensionValue[];

  @Field(() => [ReportMeasureValue], { description: "In the order of the definition's measures." })
  measures: ReportMeasureValue[];

  @Field({ description: "True when any of the row's measures is withheld." })
  suppressed: boolean;
}

@ObjectType({ simpleResolvers: true, description: "A report's answer: rows by the dimensions' labels (none last), and the totals over everything the filter keeps." })
export class Report {
  @Field(() => [ReportDimension], { description: "The definition's dimensions, in its order: each row's dimension values follow it." })
  dimensions: ReportDimension[];

  @Field(() => [ReportMeasure], { description: "The definition's measures, in its order: each row's measure values follow it." })
  measures: ReportMeasure[];

  @Field(() => [ReportRow], { description: "One row per combination of dimension values with facts; none without dimensions." })
  rows: ReportRow[];

  @Field(() => ReportRow, {
    description:
      "Every measure over all the facts. A household counts once here even when it counts in several organisations' rows.",
  })
  totals: ReportRow;

  @Field(() => Int, {
    nullable: true,
    description: "For evaluators: figures resting on fewer households than this are withheld (and so is a second figure that would give them away). Null when nothing is withheld by design.",
  })
  suppressionThreshold: number | null;

  @Field(() => Int, { description: "How many figures are withheld, totals included." })
  suppressedCellCount: number;

  static of(answer: ReportAnswer): Report {
    return Object.assign(new Report(), { ...answer, rows: answer.rows.map(rowOf), totals: rowOf(answer.totals) });
  }
}

function rowOf(row: ReportAnswerRow): ReportRow {
  return Object.assign(new ReportRow(), {
    dimensions: row.dimensions.map((value) => Object.assign(new ReportDimensionValue(), value)),
    measures: row.measures.map(measureValueOf),
    suppressed: row.suppressed,
  });
}

function measureValueOf(cell: ReportAnswerCell): ReportMeasureValue {
  return Object.assign(new ReportMeasureValue(), { measure: cell.measure, figure: cell.value, suppressed: cell.suppressed });
}
