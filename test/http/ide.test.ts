import { type TestApp, startTestApp } from "../support/test-app";

const BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

describe("the IDE", () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const browse = (path: string, headers: Record<string, string> = {}) => fetch(`${t.url}${path}`, { headers: { accept: BROWSER_ACCEPT, ...headers } });

  it("serves GraphiQL to a browser at /graphql, without an internet connection", async () => {
    const res = await browse("/graphql");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain("thuis — GraphQL");
    expect(html).toContain("renderYogaGraphiQL");
    // Nothing is fetched from elsewhere: no external script, stylesheet, font or import.
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+href=["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import/i);
    expect(html).not.toMatch(/url\(\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/importScripts\(\s*["'`]https?:/i);
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1]).join("\n");
    const fonts = styles.match(/@font-face\s*\{[^}]*\}/g) ?? [];
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font).toMatch(/src:\s*url\(["']?data:/);
  });

  it("answers a repeated visit with 304 Not Modified", async () => {
    const first = await browse("/graphql");
    const etag = first.headers.get("etag")!;
    await first.arrayBuffer();
    expect(etag).toBeTruthy();
    // fetch() adds "cache-control: no-cache" to a conditional request unless told otherwise.
    const again = await browse("/graphql", { "if-none-match": etag, "cache-control": "max-age=0" });
    expect(again.status).toBe(304);
  });

  it("serves the IDE from the root and for a browser's GET with a query string", async () => {
    const root = await browse("/");
    expect(root.url).toBe(`${t.url}/graphql`);
    expect(await root.text()).toContain("renderYogaGraphiQL");
    const withQuery = await browse(`/graphql?query=${encodeURIComponent("{ viewer { roles } }")}`);
    expect(withQuery.status).toBe(200);
    expect(await withQuery.text()).toContain("renderYogaGraphiQL");
  });

  it("leaves a non-browser GET to GraphQL, which refuses it without a CSRF preflight header", async () => {
    const res = await fetch(`${t.url}/graphql?query=${encodeURIComponent("{ __typename }")}`, { headers: { accept: "application/json" } });
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0].extensions.code).toBe("BAD_REQUEST");
    const preflighted = await fetch(`${t.url}/graphql?query=${encodeURIComponent("{ __typename }")}`, {
      headers: { accept: "application/json", "apollo-require-preflight": "1" },
    });
    expect(preflighted.status).toBe(401);
    expect((await preflighted.json()).errors[0].extensions.code).toBe("UNAUTHENTICATED");
  });
});
