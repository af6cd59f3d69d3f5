import type { Logger, QueryRunner } from "typeorm";

/**
 * Counts every SQL statement TypeORM sends, so tests can assert how many statements a request
 * costs (no N+1) without timing anything. Query errors are reported to the given sink.
 */
export class SqlStatementCounter implements Logger {
  private count = 0;

  constructor(private readonly onQueryError: (error: string | Error, query: string) => void = () => undefined) {}

  get total(): number {
    return this.count;
  }

  logQuery(_query: string, _parameters?: unknown[], _queryRunner?: QueryRunner): void {
    this.count += 1;
  }

  logQueryError(error: string | Error, query: string): void {
    this.onQueryError(error, query);
  }

  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
