import { type MeasureFamily, familyOf } from "./report-families";
import type { ReportMeasure } from "./report-vocabulary";

/** One figure of a report; a suppressed one has no value. */
export interface FigureCell {
  measure: ReportMeasure;
  value: number | null;
  suppressed: boolean;
}

/** A report row before it is shown: its cells and, per family present, the households they rest on. */
export interface FigureRow {
  /** Identifies the row whatever its position (its dimension keys): ties are broken on it. */
  id: string;
  households: Partial<Record<MeasureFamily, number>>;
  cells: FigureCell[];
}

/** A report's rows and totals row; rows may carry more (their dimension values), kept as they are. */
export interface Figures<R extends FigureRow = FigureRow> {
  rows: R[];
  totals: R;
}

/**
 * Withholds, family by family, every figure resting on 1 to threshold-1 households (facts about
 * no household, such as agreement-level tasks, are about no person) and the totals when they
 * are that small. Where one row alone would be withheld while the totals show, its value is the
 * totals minus the rest: a second row is withheld too (the visible one on the fewest households),
 * or the totals when no other row rests on a household. Already withheld figures stay withheld,
 * so applying it twice changes nothing; the rows' order plays no part.
 */
export function suppressSmallCounts<R extends FigureRow>(figures: Figures<R>, threshold: number): Figures<R> {
  let { rows, totals } = figures;
  for (const family of Object.keys(totals.households) as MeasureFamily[]) {
    const households = (row: R) => row.households[family] ?? 0;
    const hides = (row: R) => row.cells.some((cell) => cell.suppressed && familyOf(cell.measure) === family) || (households(row) > 0 && households(row) < threshold);
    const hidden = new Set(rows.filter(hides));
    let totalsHidden = hides(totals);
    if (hidden.size === 1 && !totalsHidden) {
      const second = fewestHouseholds(rows.filter((row) => !hidden.has(row) && households(row) > 0), households);
      if (second) hidden.add(second);
      else totalsHidden = true;
    }
    rows = rows.map((row) => (hidden.has(row) ? withheld(row, family) : row));
    if (totalsHidden) totals = withheld(totals, family);
  }
  return { rows, totals };
}

function fewestHouseholds<R extends FigureRow>(rows: R[], households: (row: R) => number): R | undefined {
  return rows.reduce<R | undefined>((best, row) => {
    if (!best) return row;
    const difference = households(row) - households(best);
    return difference < 0 || (difference === 0 && row.id < best.id) ? row : best;
  }, undefined);
}

function withheld<R extends FigureRow>(row: R, family: MeasureFamily): R {
  const cells = row.cells.map((cell) => (familyOf(cell.measure) === family ? { ...cell, value: null, suppressed: true } : cell));
  return { ...row, cells };
}

/** How many figures are withheld, in the rows and the totals. */
export function suppressedCellCount({ rows, totals }: Figures): number {
  return [...rows, totals].reduce((sum, row) => sum + row.cells.filter((cell) => cell.suppressed).length, 0);
}
