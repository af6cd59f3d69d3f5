import { UserErrorCode, UserErrors, userError } from "../../src/graphql/user-error";
import { MutationRunner } from "../../src/shared/mutation-runner";
import { type TestApp, startTestApp } from "../support/test-app";
import { seedWorld } from "../support/world";

/** What each server keeps of users and memberships relies on hearing of every commit before the answer. */
describe("a mutation's commit", () => {
  let t: TestApp;
  let actor: { userKey: string; organisationKey: string };

  beforeAll(async () => {
    t = await startTestApp();
    const world = await seedWorld(t.app.db);
    actor = { userKey: world.users.fedasilAdmin, organisationKey: world.organisations.fedasil };
  });
  afterAll(() => t.close());

  it("is announced once, after the work committed and before the mutation answers; a rolled-back one is not", async () => {
    const heard: string[] = [];
    const runner = new MutationRunner(t.app.db, () => heard.push("committed"));
    const done = await runner.run({ operation: "probe", actor }, async (scope) => {
      heard.push("work");
      scope.afterCommit(() => heard.push("effect"));
      return { key: "k" };
    });
    expect(done.userErrors).toEqual([]);
    heard.push("answered");
    const refused = await runner.run({ operation: "probe", actor }, async () => {
      throw new UserErrors([userError(["input"], UserErrorCode.INVALID, "No.")]);
    });
    expect(refused.userErrors).toHaveLength(1);
    expect(heard).toEqual(["work", "committed", "effect", "answered"]);
  });
});
