import type { DestinationStream } from "pino";

/** A pino destination that keeps every line, for tests that read the log. */
export class LogLines implements DestinationStream {
  readonly raw: string[] = [];

  write(line: string): void {
    this.raw.push(line);
  }

  /** Every line, parsed: each must be one JSON object. */
  get entries(): Array<Record<string, any>> {
    return this.raw.map((line) => JSON.parse(line));
  }

  get text(): string {
    return this.raw.join("");
  }
}
