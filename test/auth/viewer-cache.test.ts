import fc from "fast-check";
import { Role } from "../../src/auth/roles";
import { ViewerCache } from "../../src/auth/viewer-cache";
import type { Viewer } from "../../src/auth/viewer";

/** The viewer as the database would answer after `changes` changes (its consortia tell them apart). */
const viewerAfter = (changes: number): Viewer => ({ userId: "u", role: Role.PARTNER_STAFF, organisationId: "o", consortiumIds: [`c${changes}`] });

describe("the viewer cache", () => {
  const lookUps = () => {
    const asked: string[] = [];
    const lookUp = (subject: string) => async () => (asked.push(subject), viewerAfter(0));
    return { asked, lookUp };
  };

  it("keeps nothing until it is told changes are heard", async () => {
    const cache = new ViewerCache();
    const { asked, lookUp } = lookUps();
    await cache.viewerFor("a", "2026-11-23", lookUp("a"));
    await cache.viewerFor("a", "2026-11-23", lookUp("a"));
    expect(asked).toEqual(["a", "a"]);
  });

  it("then answers each subject from what it kept, for the day it was read on", async () => {
    const cache = new ViewerCache();
    cache.trust(true);
    const { asked, lookUp } = lookUps();
    for (const [subject, day] of [["a", "2026-11-23"], ["b", "2026-11-23"], ["a", "2026-11-23"], ["a", "2026-11-24"], ["b", "2026-11-23"]]) {
      expect(await cache.viewerFor(subject, day, lookUp(subject))).toEqual(viewerAfter(0));
    }
    expect(asked).toEqual(["a", "b", "a"]);
  });

  it("forgets everything on a change, when it stops hearing changes, and when full", async () => {
    const cache = new ViewerCache(2);
    cache.trust(true);
    const { asked, lookUp } = lookUps();
    const ask = (subject: string) => cache.viewerFor(subject, "2026-11-23", lookUp(subject));
    await ask("a");
    cache.forget();
    await ask("a");
    cache.trust(false);
    await ask("a");
    cache.trust(true);
    await ask("a");
    await ask("b");
    await ask("c");
    await ask("a");
    expect(asked).toEqual(["a", "a", "a", "a", "b", "c", "a"]);
  });

  it("does not keep an unknown subject: the user may be added any moment", async () => {
    const cache = new ViewerCache();
    cache.trust(true);
    let lookUps = 0;
    const unknown = async () => (lookUps++, null);
    expect([await cache.viewerFor("x", "2026-11-23", unknown), await cache.viewerFor("x", "2026-11-23", unknown)]).toEqual([null, null]);
    expect(lookUps).toBe(2);
  });

  it("never answers what was true before a change heard before the question, however lookups and changes interleave", async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.array(fc.boolean(), { minLength: 1, maxLength: 20 }), async (s, steps) => {
        const cache = new ViewerCache();
        cache.trust(true);
        let changes = 0;
        const stale: string[] = [];
        // A lookup reads the database at one moment and answers later: a change may come in between.
        const lookUp = async () => {
          await s.schedule(Promise.resolve(), "read");
          const read = changes;
          await s.schedule(Promise.resolve(), "answer");
          return viewerAfter(read);
        };
        for (const isChange of steps) {
          if (isChange) {
            void s.schedule(Promise.resolve(), "change").then(() => (changes++, cache.forget()));
          } else {
            void s.schedule(Promise.resolve(), "ask").then(async () => {
              const asked = changes;
              const viewer = await cache.viewerFor("a", "2026-11-23", lookUp);
              const answered = Number(viewer!.consortiumIds[0].slice(1));
              if (answered < asked) stale.push(`asked after ${asked} changes, answered as after ${answered}`);
            });
          }
        }
        await s.waitAll();
        expect(stale).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
