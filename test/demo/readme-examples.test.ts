import { readFileSync } from "node:fs";
import path from "node:path";
import { type GraphQLSchema, parse, validate } from "graphql";
import { seedDemoData } from "../../src/demo/demo-data";
import { buildThuisSchema } from "../../src/graphql/schema";
import { tokenCommand } from "../../src/scripts/token";
import { addDays, addMonths, todayInBrussels } from "../../src/shared/calendar";
import { type TestApp, startTestApp } from "../support/test-app";

/**
 * The README's GraphQL examples. Those headed `# as <login>` run as that demo user, in the
 * README's order on one database, so a write example changes what the later ones see. Their
 * other header lines say what a reader puts in the IDE: `# $name = <path> from <Example>` takes
 * a variable from an earlier example's answer (`# $name = today`: today's date; `first day of
 * this month`, `last day of this month`: those days of today's month), and
 * `# Accept-Language: <tag>` is sent as that header.
 */
const README = readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");
const EXAMPLES = [...README.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => ({
  text: match[1],
  login: /^# as (\S+)/.exec(match[1])?.[1],
  name: /(?:query|mutation|subscription) (\w+)/.exec(match[1])?.[1] ?? "anonymous",
  variables: [...match[1].matchAll(/^# \$(\w+) = (.+)$/gm)].map(([, name, source]) => ({ name, source })),
  language: /^# Accept-Language: (\S+)$/m.exec(match[1])?.[1],
}));

type Answer = Record<string, any>;

/** The days a header line may name, from today in Brussels. */
function namedDay(source: string): string | undefined {
  const today = todayInBrussels();
  const firstOfMonth = `${today.slice(0, 8)}01`;
  const days: Record<string, string> = {
    today,
    "first day of this month": firstOfMonth,
    "last day of this month": addDays(addMonths(firstOfMonth, 1), -1),
  };
  return days[source];
}

/** A variable's value as the header line says: a named day, or a path (`a.nodes[0].id`) into an earlier answer. */
function valueOf(source: string, answers: Map<string, Answer>): unknown {
  const day = namedDay(source);
  if (day) return day;
  const [, route, example] = /^(\S+) from (\w+)$/.exec(source) ?? [];
  const answer = answers.get(example);
  if (!answer) throw new Error(`"${source}": no earlier example of that name has run`);
  const value = route.split(/[.[\]]+/).filter(Boolean).reduce<any>((at, step) => at?.[step], answer);
  if (value === undefined) throw new Error(`"${source}": the answer of ${example} has nothing there`);
  return value;
}

describe("README examples", () => {
  let t: TestApp;
  let schema: GraphQLSchema;
  const answers = new Map<string, Answer>();

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoData(t.app.db);
    schema = await buildThuisSchema();
  });
  afterAll(() => t.close());

  it("has examples for each consumer, each named once", () => {
    expect(EXAMPLES.map((e) => e.login)).toEqual(
      expect.arrayContaining(["staff@ocmw-gent", "staff@fedasil", "evaluator@evaluatiebureau", "admin@fedasil"]),
    );
    const names = EXAMPLES.map((e) => e.name);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
  });

  it.each(EXAMPLES.map((e) => [e.name, e]))("%s is valid against the schema", (_name, example) => {
    expect(validate(schema, parse(example.text)).map((error) => error.message)).toEqual([]);
  });

  it.each(EXAMPLES.filter((e) => e.login).map((e) => [e.name, e]))("%s runs on the demo data", async (_name, example) => {
    const { stdout: token } = await tokenCommand([example.login!], t.config.auth);
    const variables = Object.fromEntries(example.variables.map(({ name, source }) => [name, valueOf(source, answers)]));
    const headers = { authorization: `Bearer ${token}`, ...(example.language ? { "accept-language": example.language } : {}) };
    const res = await t.gql(example.text, variables, undefined, headers);
    expect(res.errors).toBeUndefined();
    for (const value of Object.values(res.data as Answer)) {
      expect(value).not.toBeNull();
      if (Array.isArray(value.nodes)) expect(value.nodes.length).toBeGreaterThan(0);
      if (Array.isArray(value.userErrors)) expect(value.userErrors).toEqual([]);
    }
    answers.set(example.name, res.data as Answer);
  });
});
