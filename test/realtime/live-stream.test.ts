import { createPubSub } from "@graphql-yoga/subscription";
import { liveStream } from "../../src/realtime/live-stream";

type Channels = { N: [number] };

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("liveStream", () => {
  it("delivers the events in order, leaving out those answered with null", async () => {
    const pubSub = createPubSub<Channels>();
    const stream = liveStream(pubSub.subscribe("N"), async (n) => (n % 2 === 0 ? `even ${n}` : null));
    const first = stream.next();
    await tick();
    for (const n of [1, 2, 3, 4, 6]) pubSub.publish("N", n);
    expect(await first).toEqual({ value: "even 2", done: false });
    expect(await stream.next()).toEqual({ value: "even 4", done: false });
    expect(await stream.next()).toEqual({ value: "even 6", done: false });
    await stream.return?.();
  });

  it("answers one event at a time, each after the one before", async () => {
    const pubSub = createPubSub<Channels>();
    const running: number[] = [];
    let overlapped = false;
    const stream = liveStream(pubSub.subscribe("N"), async (n) => {
      overlapped ||= running.length > 0;
      running.push(n);
      await tick();
      running.pop();
      return n;
    });
    const first = stream.next();
    await tick();
    for (const n of [1, 2, 3]) pubSub.publish("N", n);
    expect([(await first).value, (await stream.next()).value, (await stream.next()).value]).toEqual([1, 2, 3]);
    expect(overlapped).toBe(false);
    await stream.return?.();
  });

  it("keeps reading a burst a stalled subscriber cannot take (the pub/sub would throw past 1,024), keeping the newest", async () => {
    const pubSub = createPubSub<Channels>();
    const stream = liveStream(pubSub.subscribe("N"), async (n) => n, 10);
    const first = stream.next();
    await tick();
    pubSub.publish("N", 0);
    expect((await first).value).toBe(0);
    for (let n = 1; n <= 3000; n++) {
      pubSub.publish("N", n);
      if (n % 100 === 0) await tick();
    }
    await tick();
    const rest: number[] = [];
    for (let i = 0; i < 10; i++) rest.push((await stream.next()).value);
    expect(rest).toEqual([2991, 2992, 2993, 2994, 2995, 2996, 2997, 2998, 2999, 3000]);
    await stream.return?.();
  });

  it("stops at once when the subscriber leaves while waiting, and lets go of its source", async () => {
    let released = false;
    const source: AsyncIterable<number> = {
      [Symbol.asyncIterator]: () => ({
        next: () => new Promise<IteratorResult<number>>(() => {}),
        return: async () => {
          released = true;
          return { value: undefined, done: true };
        },
      }),
    };
    const stream = liveStream(source, async (n) => n);
    const pending = stream.next();
    await tick();
    await stream.return?.();
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(released).toBe(true);
  });
});
