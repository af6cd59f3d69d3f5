import { jwtVerify } from "jose";
import { DEMO_USERS } from "../../src/demo/demo-users";
import { loadConfig } from "../../src/config/config";
import { tokenCommand } from "../../src/scripts/token";

describe("npm run token", () => {
  const auth = loadConfig({ NODE_ENV: "test" }).auth;

  it("lists one line per demo user: login, role, organisation name", async () => {
    const { stdout, stderr, exitCode } = await tokenCommand(["--list"], auth);
    expect(exitCode).toBe(0);
    expect(stderr).toBe("");
    const lines = stdout.split("\n");
    expect(lines).toHaveLength(DEMO_USERS.length);
    expect(lines).toContain("coordinator@ocmw-gent PARTNER_COORDINATOR OCMW Gent");
    expect(lines).toContain("admin@fedasil FEDASIL_ADMIN Fedasil");
    for (const line of lines) expect(line).toMatch(/^\S+@\S+ (PARTNER_STAFF|PARTNER_COORDINATOR|FEDASIL_STAFF|FEDASIL_ADMIN|EVALUATOR) \S.*$/);
  });

  it("prints only a signed token whose subject is the login", async () => {
    const { stdout, stderr, exitCode } = await tokenCommand(["staff@cpas-liege"], auth);
    expect(exitCode).toBe(0);
    expect(stderr).toBe("");
    const { payload } = await jwtVerify(stdout, new TextEncoder().encode(auth.jwtSecret));
    expect(payload.sub).toBe("staff@cpas-liege");
  });

  it("answers an unknown login with a message and exit code 1", async () => {
    const result = await tokenCommand(["nobody@nowhere"], auth);
    expect(result).toEqual({ stdout: "", stderr: expect.stringContaining('No demo user "nobody@nowhere"'), exitCode: 1 });
  });

  it("shows its usage without an argument", async () => {
    const result = await tokenCommand([], auth);
    expect(result).toEqual({ stdout: "", stderr: expect.stringContaining("Usage: npm run token"), exitCode: 1 });
  });
});
