import http from "node:http";
import type { AddressInfo } from "node:net";
import { type KeyLike, SignJWT, exportJWK, generateKeyPair } from "jose";
import { type TestApp, startTestApp } from "../support/test-app";
import { USERS, seedWorld } from "../support/world";

const VIEWER = `{ viewer { roles } }`;
const ISSUER = "https://login.example.be/realms/thuis";
const AUDIENCE = "thuis-api";

async function ask(t: TestApp, authorization?: string) {
  const res = await fetch(`${t.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query: VIEWER }),
  });
  return { status: res.status, body: await res.json() };
}

const REFUSED = {
  status: 401,
  body: { errors: [{ message: "Authentication required: send a valid bearer token.", extensions: { code: "UNAUTHENTICATED" } }] },
};

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

describe("authentication with the development secret (HS256)", () => {
  let t: TestApp;
  const secret = (text: string) => new TextEncoder().encode(text);
  const sign = (claims: { sub?: string; exp?: number | string }, key = t.config.auth.jwtSecret!) => {
    let jwt = new SignJWT({}).setProtectedHeader({ alg: "HS256" }).setIssuedAt();
    if (claims.sub) jwt = jwt.setSubject(claims.sub);
    jwt = jwt.setExpirationTime(claims.exp ?? "1h");
    return jwt.sign(secret(key));
  };

  beforeAll(async () => {
    t = await startTestApp();
    await seedWorld(t.app.db);
  });
  afterAll(() => t.close());

  it("lets a valid token in", async () => {
    expect(await ask(t, `Bearer ${await sign({ sub: USERS.gentStaff })}`)).toEqual({ status: 200, body: { data: { viewer: { roles: ["PARTNER_STAFF"] } }, extensions: { cost: expect.any(Object) } } });
  });

  it.each<[string, () => Promise<string | undefined>]>([
    ["no header", async () => undefined],
    ["another scheme", async () => `Basic ${Buffer.from("fedasil-admin:pw").toString("base64")}`],
    ["a bare token without the Bearer scheme", async () => sign({ sub: USERS.fedasilAdmin })],
    ["an empty bearer", async () => "Bearer "],
    ["two tokens", async () => `Bearer ${await sign({ sub: USERS.fedasilAdmin })} ${await sign({ sub: USERS.fedasilAdmin })}`],
    ["garbage", async () => "Bearer not.a.jwt"],
    ["a token signed with another secret", async () => `Bearer ${await sign({ sub: USERS.fedasilAdmin }, "another-secret-of-at-least-32-characters!")}`],
    ["an expired token", async () => `Bearer ${await sign({ sub: USERS.fedasilAdmin, exp: Math.floor(Date.now() / 1000) - 60 })}`],
    ["alg none", async () => `Bearer ${base64url({ alg: "none", typ: "JWT" })}.${base64url({ sub: USERS.fedasilAdmin, exp: Math.floor(Date.now() / 1000) + 600 })}.`],
    ["a token without a subject", async () => `Bearer ${await sign({})}`],
    ["a valid token whose subject is no user", async () => `Bearer ${await sign({ sub: "nobody-here" })}`],
    ["a valid signature over a tampered payload", async () => {
      const [header, , signature] = (await sign({ sub: USERS.gentStaff })).split(".");
      return `Bearer ${header}.${base64url({ sub: USERS.fedasilAdmin, exp: Math.floor(Date.now() / 1000) + 600 })}.${signature}`;
    }],
  ])("refuses %s with the same 401 UNAUTHENTICATED", async (_label, header) => {
    expect(await ask(t, await header())).toEqual(REFUSED);
  });
});

describe("authentication against an OIDC provider's JWKS", () => {
  let t: TestApp;
  let jwks: http.Server;
  let providerKey: KeyLike;
  let strangerKey: KeyLike;
  let keyRequests = 0;

  const sign = (key: KeyLike, claims: { iss?: string; aud?: string; sub?: string }, kid = "provider-key") =>
    new SignJWT({})
      .setProtectedHeader({ alg: "RS256", kid })
      .setIssuer(claims.iss ?? ISSUER)
      .setAudience(claims.aud ?? AUDIENCE)
      .setSubject(claims.sub ?? USERS.fedasilStaff)
      .setIssuedAt()
      .setExpirationTime("5m")
      .sign(key);

  beforeAll(async () => {
    const provider = await generateKeyPair("RS256");
    providerKey = provider.privateKey;
    strangerKey = (await generateKeyPair("RS256")).privateKey;
    const publicJwk = { ...(await exportJWK(provider.publicKey)), kid: "provider-key", alg: "RS256", use: "sig" };
    jwks = http.createServer((req, res) => {
      keyRequests += 1;
      if (req.url !== "/certs") return void res.writeHead(404).end();
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: [publicJwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, "127.0.0.1", resolve));
    const { port } = jwks.address() as AddressInfo;
    t = await startTestApp({ AUTH_JWKS_URL: `http://127.0.0.1:${port}/certs`, AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: AUDIENCE });
    await seedWorld(t.app.db);
  });
  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => jwks.close(resolve));
  });

  it("lets in a token the provider signed for this API, fetching the keys once", async () => {
    const token = await sign(providerKey, {});
    expect(await ask(t, `Bearer ${token}`)).toEqual({ status: 200, body: { data: { viewer: { roles: ["FEDASIL_STAFF"] } }, extensions: { cost: expect.any(Object) } } });
    expect(await ask(t, `Bearer ${await sign(providerKey, { sub: USERS.liegeStaff })}`)).toMatchObject({ status: 200 });
    expect(keyRequests).toBe(1);
  });

  it.each<[string, () => Promise<string>]>([
    ["another issuer", () => sign(providerKey, { iss: "https://evil.example.com" })],
    ["another audience", () => sign(providerKey, { aud: "some-other-app" })],
    ["another key under the provider's key id", () => sign(strangerKey, {})],
    ["an unknown key id", () => sign(strangerKey, {}, "unknown")],
    ["a development (HS256) token", () => t.tokenFor(USERS.fedasilAdmin)],
    ["a subject that is no user", () => sign(providerKey, { sub: "someone-else" })],
  ])("refuses a token from %s", async (_label, token) => {
    expect(await ask(t, `Bearer ${await token()}`)).toEqual(REFUSED);
  });
});
