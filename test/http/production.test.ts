import { type TestApp, startTestApp } from "../support/test-app";
import { USERS, seedWorld } from "../support/world";
import { LogLines } from "./log-lines";

const CREATE = `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { userErrors { code } } }`;

describe("in production", () => {
  let t: TestApp;
  const log = new LogLines();

  beforeAll(async () => {
    t = await startTestApp({ NODE_ENV: "production", AUTH_JWT_SECRET: "x".repeat(40), LOG_LEVEL: "info" }, log);
    await seedWorld(t.app.db);
  });
  afterAll(() => t.close());

  const query = (text: string, variables?: Record<string, unknown>) => t.gql(text, variables, USERS.fedasilAdmin);

  it("turns introspection off", async () => {
    for (const text of [`{ __schema { types { name } } }`, `{ __type(name: "Organisation") { fields { name } } }`]) {
      const res = await query(text);
      expect(res.status).toBe(400);
      expect(res.errors?.[0].extensions).toEqual({ code: "GRAPHQL_VALIDATION_FAILED", validationErrorCode: "INTROSPECTION_DISABLED" });
      expect(res.data).toBeUndefined();
    }
    expect((await query(`{ __typename }`)).data).toEqual({ __typename: "Query" });
  });

  it("gives no suggestions of field, argument, type or enum names", async () => {
    const wrong = [
      await query(`{ organisationz { totalCount } }`),
      await query(`{ organisations(frist: 1) { totalCount } }`),
      await query(`{ organisations(filter: { kinds: [NGOO] }) { totalCount } }`),
      await query(`{ node(id: "x") { ... on Organisaton { name } } }`),
      await query(CREATE, { input: { kind: "NGOO", name: "N", enterpriseNumber: "0", postalCode: "1000", municipality: "B", province: "LIEGE" } }),
    ];
    for (const res of wrong) {
      expect(res.errors?.length).toBeGreaterThan(0);
      for (const error of res.errors!) {
        expect(error.message).not.toMatch(/Did you mean|"organisations"|"first"|"NGO"|"Organisation"/);
        expect(error.extensions?.stacktrace).toBeUndefined();
      }
    }
  });

  it("hides an internal fault in a resolver: generic message, no stack, no SQL; the log has the detail", async () => {
    await t.app.db.manager.query(`ALTER TABLE organisation RENAME TO organisation_away`);
    try {
      const res = await t.gql(`{ organisations { totalCount } }`, {}, USERS.fedasilAdmin, { "x-request-id": "fault-in-resolver" });
      expect(res.errors).toEqual([{ message: "Internal server error.", path: ["organisations"], extensions: { code: "INTERNAL_SERVER_ERROR" } }]);
    } finally {
      await t.app.db.manager.query(`ALTER TABLE organisation_away RENAME TO organisation`);
    }
    const logged = log.entries.find((entry) => entry.msg === "internal error while resolving a request" && entry.requestId === "fault-in-resolver");
    expect(logged?.err.message).toMatch(/relation "organisation" does not exist/);
    expect(logged?.err.code).toBe("42P01");
  });

  it("answers readyz 503 and hides the fault when the database is gone; healthz stays 200", async () => {
    // The viewer must be looked up, not answered from what the server kept (on PostgreSQL).
    await t.forgetViewers();
    await t.app.db.close();
    const res = await query(`{ viewer { roles } }`);
    expect(res.status).toBe(500);
    expect(res.errors).toEqual([{ message: "Internal server error.", extensions: { code: "INTERNAL_SERVER_ERROR" } }]);
    expect((await fetch(`${t.url}/readyz`)).status).toBe(503);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
  });
});
