import fc from "fast-check";
import { fromGlobalId, keyOf, toGlobalId } from "../../src/graphql/global-id";

const KEY = "0b9d3a52-6f1e-4c1a-9d0e-6a2f4b8c1d3e";

describe("global IDs", () => {
  it("round-trip a type and a uuid key, and hide both", () => {
    fc.assert(
      fc.property(fc.constantFrom("Organisation", "Household", "Person", "FundingLine"), fc.uuid(), (typeName, key) => {
        const id = toGlobalId(typeName, key);
        expect(id).not.toContain(key);
        expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(fromGlobalId(id)).toEqual({ typeName, key });
      }),
    );
  });

  it.each([
    ["empty", ""],
    ["not base64url", "abc+/="],
    ["no type", toGlobalId("", KEY)],
    ["a lower-case type", toGlobalId("organisation", KEY)],
    ["a type with odd characters", toGlobalId("Org-1", KEY)],
    ["a key that is not a uuid", toGlobalId("Organisation", "42")],
    ["an upper-case uuid", toGlobalId("Organisation", KEY.toUpperCase())],
    ["SQL in the key", toGlobalId("Organisation", `${KEY}' OR '1'='1`)],
    ["too long", "A".repeat(201)],
    ["a raw uuid", KEY],
  ])("rejects %s", (_label, id) => {
    expect(fromGlobalId(id)).toBeNull();
  });

  it("gives the key only for the expected type", () => {
    const id = toGlobalId("Household", KEY);
    expect(keyOf(id, "Household")).toBe(KEY);
    expect(keyOf(id, "Person")).toBeNull();
    expect(keyOf("garbage", "Household")).toBeNull();
  });

  it("never throws on any input", () => {
    fc.assert(fc.property(fc.string(), (text) => fromGlobalId(text) === null || typeof fromGlobalId(text)?.key === "string"));
  });
});
