import fc from "fast-check";
import { familyOf, type MeasureFamily } from "../../../src/modules/reports/report-families";
import { type FigureRow, type Figures, suppressSmallCounts, suppressedCellCount } from "../../../src/modules/reports/report-suppression";
import { ReportMeasure } from "../../../src/modules/reports/report-vocabulary";

const { HOUSEHOLDS, PERSONS, TASKS, FUNDING_DUE } = ReportMeasure;

/** A row with one household-family measure (value = its households) and, when given, tasks. */
const row = (id: string, households: number, tasks?: { households: number; value: number }): FigureRow => ({
  id,
  households: tasks ? { household: households, task: tasks.households } : { household: households },
  cells: [{ measure: HOUSEHOLDS, value: households, suppressed: false }, ...(tasks ? [{ measure: TASKS, value: tasks.value, suppressed: false }] : [])],
});
const figures = (rows: FigureRow[], totals: FigureRow): Figures => ({ rows, totals });
const shown = ({ rows, totals }: Figures) => ({ rows: rows.map((r) => r.cells.map((c) => (c.suppressed ? "x" : c.value))), totals: totals.cells.map((c) => (c.suppressed ? "x" : c.value)) });

describe("suppressSmallCounts", () => {
  it("withholds a row of 3 households and the visible row on the fewest households with it", () => {
    const answer = suppressSmallCounts(figures([row("q1", 5), row("q2", 6), row("q3", 3)], row("", 14)), 5);
    expect(shown(answer)).toEqual({ rows: [["x"], [6], ["x"]], totals: [14] });
    expect(suppressedCellCount(answer)).toBe(2);
  });

  it("needs no second row when two are withheld already", () => {
    expect(shown(suppressSmallCounts(figures([row("a", 1), row("b", 2), row("c", 8)], row("", 11)), 5))).toEqual({ rows: [["x"], ["x"], [8]], totals: [11] });
  });

  it("withholds totals resting on fewer households than the threshold", () => {
    expect(shown(suppressSmallCounts(figures([row("a", 3)], row("", 3)), 5))).toEqual({ rows: [["x"]], totals: ["x"] });
    expect(shown(suppressSmallCounts(figures([], row("", 4)), 5))).toEqual({ rows: [], totals: ["x"] });
  });

  it("withholds the totals when no other row rests on a household", () => {
    const tasks = (households: number, value: number) => ({ households, value });
    const answer = suppressSmallCounts(figures([row("a", 9, tasks(2, 4)), row("b", 9, tasks(0, 3))], row("", 18, tasks(2, 7))), 5);
    expect(shown(answer)).toEqual({ rows: [[9, "x"], [9, 3]], totals: [18, "x"] });
  });

  it("keeps figures about no household and zero counts", () => {
    expect(shown(suppressSmallCounts(figures([row("a", 0), row("b", 0)], row("", 0)), 5))).toEqual({ rows: [[0], [0]], totals: [0] });
  });

  it("treats each family on its own households", () => {
    const tasks = (households: number, value: number) => ({ households, value });
    const answer = suppressSmallCounts(figures([row("gent", 9, tasks(6, 8)), row("liege", 7, tasks(4, 5))], row("", 16, tasks(10, 13))), 5);
    expect(shown(answer)).toEqual({ rows: [[9, "x"], [7, "x"]], totals: [16, 13] });
  });

  it("breaks ties on the row's identity, not its position", () => {
    const rows = [row("b", 6), row("a", 6), row("c", 2)];
    expect(shown(suppressSmallCounts(figures(rows, row("", 14)), 5))).toEqual({ rows: [[6], ["x"], ["x"]], totals: [14] });
    expect(shown(suppressSmallCounts(figures([rows[1], rows[0], rows[2]], row("", 14)), 5))).toEqual({ rows: [["x"], [6], ["x"]], totals: [14] });
  });

  describe("properties", () => {
    const FAMILY_MEASURES: Record<MeasureFamily, ReportMeasure[]> = { household: [HOUSEHOLDS, PERSONS], task: [TASKS], funding: [FUNDING_DUE] };
    const arbitraryRow = (id: string, families: MeasureFamily[]) =>
      fc.record({ counts: fc.array(fc.nat(12), { minLength: families.length, maxLength: families.length }), value: fc.integer({ min: -50, max: 500 }) }).map(
        ({ counts, value }): FigureRow => ({
          id,
          households: Object.fromEntries(families.map((family, i) => [family, counts[i]])),
          cells: families.flatMap((family) => FAMILY_MEASURES[family]).map((measure) => ({ measure, value, suppressed: false })),
        }),
      );
    const arbitraryFigures = fc
      .record({ families: fc.subarray<MeasureFamily>(["household", "task", "funding"], { minLength: 1 }), size: fc.nat(8) })
      .chain(({ families, size }) =>
        fc.record({
          rows: fc.tuple(...Array.from({ length: size }, (_, i) => arbitraryRow(`row-${i}`, families))),
          totals: arbitraryRow("", families),
          threshold: fc.integer({ min: 1, max: 6 }),
        }),
      );
    const familiesOf = (row: FigureRow) => Object.keys(row.households) as MeasureFamily[];
    const hidden = (row: FigureRow, family: MeasureFamily) => row.cells.filter((cell) => familyOf(cell.measure) === family).every((cell) => cell.suppressed && cell.value === null);
    const byId = (rows: FigureRow[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));

    it("shows no figure resting on 1 to threshold-1 households", () => {
      fc.assert(
        fc.property(arbitraryFigures, ({ rows, totals, threshold }) => {
          const answer = suppressSmallCounts({ rows, totals }, threshold);
          for (const r of [...answer.rows, answer.totals]) {
            for (const family of familiesOf(r)) {
              const households = r.households[family]!;
              if (households > 0 && households < threshold) expect(hidden(r, family)).toBe(true);
            }
          }
        }),
      );
    });

    it("never withholds exactly one row of a family while its totals show", () => {
      fc.assert(
        fc.property(arbitraryFigures, ({ rows, totals, threshold }) => {
          const answer = suppressSmallCounts({ rows, totals }, threshold);
          for (const family of familiesOf(totals)) {
            const withheld = answer.rows.filter((r) => hidden(r, family)).length;
            if (!hidden(answer.totals, family)) expect(withheld).not.toBe(1);
          }
        }),
      );
    });

    it("changes nothing when applied twice", () => {
      fc.assert(
        fc.property(arbitraryFigures, ({ rows, totals, threshold }) => {
          const once = suppressSmallCounts({ rows, totals }, threshold);
          expect(suppressSmallCounts(once, threshold)).toEqual(once);
        }),
      );
    });

    it("does not depend on the rows' order", () => {
      fc.assert(
        fc.property(
          arbitraryFigures.chain((input) => fc.record({ input: fc.constant(input), shuffled: fc.shuffledSubarray(input.rows, { minLength: input.rows.length }) })),
          ({ input: { rows, totals, threshold }, shuffled }) => {
            const answer = suppressSmallCounts({ rows, totals }, threshold);
            const reordered = suppressSmallCounts({ rows: shuffled, totals }, threshold);
            expect(byId(reordered.rows)).toEqual(byId(answer.rows));
            expect(reordered.totals).toEqual(answer.totals);
          },
        ),
      );
    });

    it("only ever withholds: every figure shown is the one given", () => {
      fc.assert(
        fc.property(arbitraryFigures, ({ rows, totals, threshold }) => {
          const answer = suppressSmallCounts({ rows, totals }, threshold);
          const given = [...rows, totals];
          [...answer.rows, answer.totals].forEach((r, i) =>
            r.cells.forEach((cell, j) => {
              if (!cell.suppressed) expect(cell.value).toBe(given[i].cells[j].value);
            }),
          );
        }),
      );
    });
  });
});
