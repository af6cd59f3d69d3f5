import { withCheckDigits } from "../../src/modules/organisations/enterprise-number";
import { type TestApp, startTestApp } from "../support/test-app";
import { USERS, seedWorld } from "../support/world";
import { LogLines } from "./log-lines";

const CREATE = `mutation CreateForLog($input: CreateOrganisationInput!) {
  createOrganisation(input: $input) { organisation { id } userErrors { code } }
}`;

describe("request logging", () => {
  let t: TestApp;
  const log = new LogLines();

  beforeAll(async () => {
    t = await startTestApp({ LOG_LEVEL: "info" }, log);
    await seedWorld(t.app.db);
  });
  afterAll(() => t.close());

  const linesOf = (requestId: string) => log.entries.filter((entry) => entry.req?.id === requestId || entry.requestId === requestId);

  it("writes one JSON line per request with its id, method, path, status and duration", async () => {
    const res = await fetch(`${t.url}/graphql?from=test`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "req-42.a_b", authorization: `Bearer ${await t.tokenFor(USERS.gentStaff)}` },
      body: JSON.stringify({ query: `{ viewer { roles } }` }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toBe("req-42.a_b");
    const lines = linesOf("req-42.a_b");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: "request completed", req: { id: "req-42.a_b", method: "POST", path: "/graphql" }, res: { statusCode: 200 } });
    expect(lines[0].responseTime).toEqual(expect.any(Number));
    expect(Object.keys(lines[0].req).sort()).toEqual(["id", "method", "path"]);
  });

  it("makes an id when none or an unsafe one is given", async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "bad id {with} \"quotes\"" },
      body: JSON.stringify({ query: `{ viewer { roles } }` }),
    });
    const id = res.headers.get("x-request-id")!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(linesOf(id)).toEqual([expect.objectContaining({ res: { statusCode: 401 } })]);
  });

  it("never logs the token, the operation, its variables or a query string", async () => {
    const token = await t.tokenFor(USERS.fedasilAdmin);
    const secretName = "Zeynep Yilmaz-Haddad";
    const enterpriseNumber = withCheckDigits("04747474");
    const send = (requestId: string) =>
      fetch(`${t.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-request-id": requestId, authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query: CREATE,
          variables: { input: { kind: "NGO", name: secretName, enterpriseNumber, postalCode: "1000", municipality: "Brussel", province: "BRUSSELS_CAPITAL" } },
        }),
      }).then((res) => res.json());
    expect((await send("private-1")).data.createOrganisation.userErrors).toEqual([]);
    // The second one fails on the unique index: the failed SQL statement is logged, its values not.
    expect((await send("private-2")).data.createOrganisation.userErrors).toEqual([{ code: "TAKEN" }]);
    await fetch(`${t.url}/graphql?query=${encodeURIComponent(`{ organisations(filter: { nameContains: "${secretName}" }) { totalCount } }`)}`, {
      headers: { authorization: `Bearer ${token}`, "apollo-require-preflight": "1", "x-request-id": "private-3" },
    });

    expect(linesOf("private-1")).toHaveLength(1);
    expect(linesOf("private-2").length).toBeGreaterThanOrEqual(1);
    expect(linesOf("private-3")).toEqual([expect.objectContaining({ req: { id: "private-3", method: "GET", path: "/graphql" } })]);
    for (const secret of [token, token.split(".")[2], secretName, "Zeynep", enterpriseNumber, "CreateForLog", "userErrors", "nameContains"]) {
      expect(log.text).not.toContain(secret);
    }
  });
});
