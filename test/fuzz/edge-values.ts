import fc from "fast-check";

/** Marks a field an edit leaves out altogether: a required one goes missing. */
export const OMIT = Symbol("omit");

/** Any position: the wrong kind of value, or none. */
export const wrongKind = fc.constantFrom<unknown>(null, OMIT, true, 0, -1, 1.5, "", "x", [], {}, [null], { x: 1 });

/** Text that is no text once trimmed, or holds what PostgreSQL cannot store (U+0000). */
const BLANK_OR_NUL = ["", " ", " \t\n ", "\u3000\u00a0", "\u0000", "nul\u0000byte"];

const TEXTS = [
  "\u0007bell\u001b[31m",
  "\u202eevil",
  "\u200b",
  "\ufeff",
  "👨‍👩‍👧‍👦🏳️‍🌈",
  "\ud800",
  "lone \udfff",
  "'; DROP TABLE task; --",
  "%_\\",
  "null",
  "undefined",
  "<script>alert(1)</script>",
  "${jndi:ldap://x}",
  "Zoë Ørsted-Ŝ ١٢٣",
];

/** Amounts as a client might mistype them (MoneyInput.amount and any other text). */
const MONEY_LIKE = [
  "NaN",
  "Infinity",
  "-0",
  "-0.00",
  "0.00",
  "1e6",
  "1.005",
  "0.001",
  "1,00",
  "1 000,00",
  " 12.50",
  "+12.50",
  "--1",
  "12.5.0",
  ".5",
  "5.",
  "€5",
  "１２.５０",
  "99999999999999999999.99",
  "9223372036854775807",
  "92233720368547758.08",
  "-10000000.01",
  "10000000.01",
  "1000000.01",
];

/** Text: blank, with U+0000, very long, random code points (lone surrogates among them), then the valid odd ones (emoji, money-like, markup). */
export const texts: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...BLANK_OR_NUL) },
  { weight: 2, arbitrary: fc.integer({ min: 101, max: 10_000 }).chain((n) => fc.constantFrom("x".repeat(n), "é".repeat(n), "😀".repeat(Math.ceil(n / 2)))) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom(...TEXTS, ...MONEY_LIKE) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }) },
);

/**
 * Edge cases that pass the type's own check (weight 3: they reach the mutation's rules and the
 * database) and values it must turn down (weight 1).
 */
const edges = (passing: fc.Arbitrary<unknown>, failing: fc.Arbitrary<unknown>) => fc.oneof({ weight: 3, arbitrary: passing }, { weight: 1, arbitrary: failing });

/** Ints: the edges of GraphQL's 32 bits; beyond them, fractions, numbers as text. */
export const ints = edges(
  fc.oneof(fc.constantFrom(0, -1, -2147483648, 2147483647), fc.integer({ min: -2147483648, max: 2147483647 })),
  fc.constantFrom(2147483648, -2147483649, 2 ** 53, 1.5, 1e21, "1", "NaN"),
);

/** Days a calendar has but few rules expect (year 0, 9999, a leap day); days that do not exist or are not in the form. */
export const days = edges(
  fc.oneof(
    fc.constantFrom("0000-01-01", "0001-01-01", "1000-01-01", "1900-01-01", "2024-02-29", "2200-12-31", "9999-12-31"),
    fc.date({ min: new Date("0000-01-01"), max: new Date("9999-12-31"), noInvalidDate: true }).map((d) => d.toISOString().split("T")[0]),
  ),
  fc.constantFrom("2023-02-30", "2023-02-29", "2026-04-31", "10000-01-01", "+010000-01-01", "-000001-01-01", "2026-13-01", "2026-00-10", "2026-1-1", "2026-02-02T00:00:00Z", "02/02/2026", "today", ""),
);

/** Instants: the same, with times and offsets. */
export const instants = edges(
  fc.oneof(fc.constantFrom("0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999+14:00"), fc.date({ noInvalidDate: true, min: new Date("0000-01-01"), max: new Date("9999-12-31") }).map((d) => d.toISOString())),
  fc.constantFrom("2023-02-30T10:00:00Z", "2026-02-02T25:00:00Z", "2026-02-02T10:00:00+25:00", "2026-02-02", "2026-02-02T10:00:00", ""),
);

export const booleans = fc.constantFrom<unknown>("true", "false", 0, 1, "yes");

/** IDs that are no global ID of ours: empty, raw keys, badly encoded, another alphabet, too long. */
export function malformedIds(someKey: string): fc.Arbitrary<string> {
  const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64url");
  return fc.constantFrom(
    "",
    " ",
    "0",
    "-1",
    "null",
    someKey,
    `Task:${someKey}`,
    b64("Task:not-a-uuid"),
    b64(`:${someKey}`),
    b64(`task:${someKey}`),
    b64(`Task:${someKey.toUpperCase()}`),
    b64(`Tâsk:${someKey}`),
    `${b64(`Task:${someKey}`)}==`,
    Buffer.from(`Task:${someKey}`).toString("base64"),
    "A".repeat(201),
    b64(`Task:${someKey}`).repeat(6),
  );
}
