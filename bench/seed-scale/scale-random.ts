import { SeededRandom } from "../../src/demo/random";

/**
 * The demo's seeded generator with what a large programme needs: keys made from four draws
 * (the demo's uuid() takes 33, too slow for two million rows) and weighted choices.
 */
export class ScaleRandom extends SeededRandom {
  /** A version-4 UUID, the same on every run with the same seed. */
  id(): string {
    const a = this.word();
    const b = this.word();
    const c = this.word();
    const d = this.word();
    return `${hex(a, 8)}-${hex(b >>> 16, 4)}-${hex(0x4000 | (b & 0x0fff), 4)}-${hex(0x8000 | ((c >>> 16) & 0x3fff), 4)}-${hex(c & 0xffff, 4)}${hex(d, 8)}`;
  }

  /** One of the keys, drawn in proportion to its weight. */
  weighted<K extends string | number>(weights: ReadonlyArray<readonly [K, number]>): K {
    const total = weights.reduce((sum, [, w]) => sum + w, 0);
    let draw = this.next() * total;
    for (const [key, weight] of weights) {
      draw -= weight;
      if (draw < 0) return key;
    }
    return weights[weights.length - 1][0];
  }

  private word(): number {
    return Math.floor(this.next() * 4294967296) >>> 0;
  }
}

const hex = (value: number, width: number): string => (value >>> 0).toString(16).padStart(width, "0");
