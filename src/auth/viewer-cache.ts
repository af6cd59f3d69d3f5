import type { Viewer } from "./viewer";

/**
 * The viewers looked up for token subjects, kept for the day they were read on, and only while
 * every change to users and memberships is heard of (`trust`): then each change `forget`s them
 * all. A lookup that began before a change is not kept, whatever it read.
 */
export class ViewerCache {
  private readonly viewers = new Map<string, Viewer>();
  /** Counts the changes heard: a lookup keeps its result only if none came while it ran. */
  private changes = 0;
  private trusted = false;

  constructor(private readonly capacity = 10_000) {}

  async viewerFor(subject: string, today: string, lookUp: () => Promise<Viewer | null>): Promise<Viewer | null> {
    const key = `${today} ${subject}`;
    const kept = this.trusted ? this.viewers.get(key) : undefined;
    if (kept) return kept;
    const changesBefore = this.changes;
    const viewer = await lookUp();
    // An unknown subject is not kept: the user may be added any moment.
    if (viewer && this.trusted && this.changes === changesBefore) {
      if (this.viewers.size >= this.capacity) this.viewers.clear();
      this.viewers.set(key, viewer);
    }
    return viewer;
  }

  /** A user or membership changed (or may have): every viewer kept and every lookup under way is stale. */
  forget(): void {
    this.changes++;
    this.viewers.clear();
  }

  /** Whether changes are heard from now on; while they are not, nothing is kept. */
  trust(hearing: boolean): void {
    this.trusted = hearing;
    this.forget();
  }
}
