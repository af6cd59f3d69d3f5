import { cpus, totalmem } from "node:os";
import type { Pool } from "pg";
import type { System } from "./answers";
import type { Measurement } from "./load";
import { OPERATIONS, type OperationName } from "./operations";

/** One line of the table: a timed run with the statements a request cost and the server's peak memory. */
export interface Row {
  operation: OperationName;
  system: System;
  measurement: Measurement;
  statementsPerRequest: number | null;
  /** Peak resident set size of the server process in kB (none for the in-process raw SQL). */
  peakRssKb: number | null;
}

const SYSTEM_NAMES: Record<System, string> = { thuis: "thuis", postgraphile: "PostGraphile 5", raw: "raw SQL (pg)" };

const fixed = (value: number | null, digits: number) => (value === null || Number.isNaN(value) ? "-" : value.toFixed(digits));

function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export function resultsTable(rows: readonly Row[]): string {
  return table(
    ["operation", "system", "req/s", "p50 ms", "p99 ms", "errors", "stmts/req", "peak RSS MB"],
    rows.map(({ operation, system, measurement: m, statementsPerRequest, peakRssKb }) => [
      operation,
      SYSTEM_NAMES[system],
      fixed(m.reqPerSec, 1),
      fixed(m.p50, 2),
      fixed(m.p99, 2),
      String(m.non2xx + m.errors),
      fixed(statementsPerRequest, 1),
      fixed(peakRssKb === null ? null : peakRssKb / 1024, 0),
    ]),
  );
}

/** thuis/PostGraphile in req/s (above 1: thuis serves more) and thuis/raw SQL in p50 latency (the floor is 1). */
export function ratioTable(rows: readonly Row[], operations: readonly OperationName[]): string {
  const find = (operation: OperationName, system: System) => rows.find((row) => row.operation === operation && row.system === system)?.measurement;
  const ratio = (x?: number, y?: number) => (x === undefined || y === undefined || y === 0 ? "-" : `${(x / y).toFixed(2)}x`);
  return table(
    ["operation", "", "thuis/PostGraphile req/s", "thuis/raw SQL p50"],
    operations.map((operation) => {
      const thuis = find(operation, "thuis");
      const peer = find(operation, "postgraphile");
      const raw = find(operation, "raw");
      return [operation, OPERATIONS[operation].title, ratio(thuis?.reqPerSec, peer?.reqPerSec), ratio(thuis?.p50, raw?.p50)];
    }),
  );
}

/** The machine, the software and the size of the data. */
export async function describeSetting(db: Pool): Promise<string> {
  const cores = cpus();
  const { rows: [pg] } = await db.query(`SELECT current_setting('server_version') AS version,
      (SELECT count(*) FROM household) AS households, (SELECT count(*) FROM person) AS persons, (SELECT count(*) FROM task) AS tasks,
      (SELECT count(*) FROM funding_line) AS lines, (SELECT count(*) FROM agreement) AS agreements, (SELECT count(*) FROM organisation) AS organisations`);
  return [
    `Machine: ${cores[0]?.model ?? "unknown CPU"}, ${cores.length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory`,
    `Node ${process.version} (every server and load the run starts), PostgreSQL ${pg.version}`,
    `Data: ${pg.households} households, ${pg.persons} persons, ${pg.tasks} tasks, ${pg.lines} funding lines, ${pg.agreements} agreements, ${pg.organisations} organisations`,
  ].join("\n");
}
