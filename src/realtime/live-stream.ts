import { Repeater, SlidingBuffer } from "@graphql-yoga/subscription";

/** How many events one subscriber may fall behind before the oldest are dropped. */
export const BACKLOG = 100;

/**
 * The events of `source`, each turned by `deliver` into what is sent (null: skipped), one at a
 * time and in order. The source is read as soon as events come: a subscriber that cannot keep up
 * (a slow or stalled client) never piles events up in the pub/sub, whose queue throws past 1,024
 * and would take the process down; it loses the oldest beyond `backlog` instead (live events are
 * hints: a client reads again when it reconnects).
 */
export function liveStream<T, R>(source: AsyncIterable<T>, deliver: (event: T) => Promise<R | null>, backlog = BACKLOG): AsyncIterableIterator<R> {
  const waiting = new Repeater<T>(async (push, stop) => {
    const events = source[Symbol.asyncIterator]();
    void stop.then(() => events.return?.());
    for (;;) {
      // A stop while waiting for the next event ends the wait at once, not when an event comes.
      const step = await Promise.race([events.next(), stop]);
      if (!step || step.done) break;
      void push(step.value);
    }
    stop();
  }, new SlidingBuffer(backlog));

  return new Repeater<R>(async (push, stop) => {
    void stop.then(() => waiting.return());
    for await (const event of waiting) {
      const result = await deliver(event);
      if (result !== null) await push(result);
    }
    stop();
  });
}
