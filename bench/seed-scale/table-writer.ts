import { performance } from "node:perf_hooks";
import { type Row, TABLE_NAMES, type TableName, columnsOf } from "./table-columns";

/** Runs one SQL statement with positional parameters (a transaction's EntityManager.query). */
export type Execute = (sql: string, params: unknown[]) => Promise<unknown>;

export interface TableStats {
  rows: number;
  statements: number;
  /** Time the database took for the table's statements, as the client saw it. */
  ms: number;
}

/**
 * Buffers rows column by column and writes each table's rows with one
 * `INSERT … SELECT FROM unnest($1::uuid[], $2::text[], …)` statement per batch. Once a table holds
 * `rowsPerStatement` rows, every table's buffer is sent, parents first, so a row never arrives
 * before the rows it refers to. Batches go out one after another on the caller's connection while
 * the caller plans the next one; at most one batch waits, which bounds the memory.
 */
export class TableWriter {
  readonly stats = new Map<TableName, TableStats>(TABLE_NAMES.map((table) => [table, { rows: 0, statements: 0, ms: 0 }]));
  private buffers = emptyBuffers();
  private fullest = 0;
  private sent: Promise<void> = Promise.resolve();

  constructor(private readonly execute: Execute, private readonly rowsPerStatement = 10_000) {}

  add<T extends TableName>(table: T, row: Row<T>): void {
    const columns = this.buffers[table];
    const values = row as Record<string, unknown>;
    for (const [name, array] of columns) array.push(values[name] ?? null);
    this.fullest = Math.max(this.fullest, columns[0][1].length);
  }

  /** Sends the buffers when one is full, after the previous batch has been written. */
  async maybeSend(): Promise<void> {
    if (this.fullest >= this.rowsPerStatement) await this.send();
  }

  /** Sends whatever is buffered and waits until all of it is written. */
  async finish(): Promise<void> {
    await this.send();
    await this.sent;
  }

  private async send(): Promise<void> {
    const batch = this.buffers;
    this.buffers = emptyBuffers();
    this.fullest = 0;
    const previous = this.sent;
    this.sent = previous.then(() => this.write(batch));
    // Marked as handled here; the rejection still reaches the caller through the next await of it.
    this.sent.catch(() => undefined);
    await previous;
  }

  private async write(batch: Buffers): Promise<void> {
    for (const table of TABLE_NAMES) {
      const columns = batch[table];
      const rows = columns[0][1].length;
      if (rows === 0) continue;
      const started = performance.now();
      await this.execute(insertSql(table), columns.map(([name, values]) => (ARRAY_COLUMNS.has(`${table}.${name}`) ? values.map(arrayLiteral) : values)));
      const stats = this.stats.get(table)!;
      stats.rows += rows;
      stats.statements += 1;
      stats.ms += performance.now() - started;
    }
  }
}

type Buffers = Record<TableName, Array<[string, unknown[]]>>;

const emptyBuffers = (): Buffers => Object.fromEntries(TABLE_NAMES.map((table) => [table, columnsOf(table).map(([name]) => [name, []])])) as unknown as Buffers;

/** Array columns travel as text[] of array literals (unnest would flatten a two-dimensional array) and are cast back. */
const ARRAY_COLUMNS = new Set(TABLE_NAMES.flatMap((table) => columnsOf(table).filter(([, type]) => type.endsWith("[]")).map(([name]) => `${table}.${name}`)));

const SQL = new Map<TableName, string>();

function insertSql(table: TableName): string {
  if (!SQL.has(table)) {
    const columns = columnsOf(table);
    const names = columns.map(([name]) => name).join(", ");
    const arrays = columns.map(([, type], i) => (type.endsWith("[]") ? `$${i + 1}::text[]` : `$${i + 1}::${type}[]`)).join(", ");
    const selected = columns.map(([name, type]) => (type.endsWith("[]") ? `u.${name}::${type}` : `u.${name}`)).join(", ");
    SQL.set(table, `INSERT INTO ${table} (${names}) SELECT ${selected} FROM unnest(${arrays}) AS u (${names})`);
  }
  return SQL.get(table)!;
}

/** A PostgreSQL array literal of text items, each quoted: {"a","b \"c\""}. */
function arrayLiteral(items: unknown): string {
  return `{${(items as string[]).map((item) => `"${item.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(",")}}`;
}
