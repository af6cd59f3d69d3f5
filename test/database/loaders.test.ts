import { groupedLoader, keyedLoader } from "../../src/database/loaders";

describe("loaders", () => {
  it("read many keys in one batch and answer each in the order asked, null where unknown", async () => {
    const batches: string[][] = [];
    const loader = keyedLoader(
      async (keys) => {
        batches.push([...keys]);
        return keys.filter((key) => key !== "gone").map((key) => ({ key, name: key.toUpperCase() }));
      },
      (value) => value.key,
    );
    const found = await Promise.all(["b", "a", "gone", "b"].map((key) => loader.load(key)));
    expect(found).toEqual([{ key: "b", name: "B" }, { key: "a", name: "A" }, null, { key: "b", name: "B" }]);
    expect(batches).toEqual([["b", "a", "gone"]]);
  });

  it("group children by parent in one batch, an empty list for a parent without any", async () => {
    const batches: string[][] = [];
    const loader = groupedLoader(
      async (parents) => {
        batches.push([...parents]);
        return [
          { parent: "h1", name: "Amina" },
          { parent: "h2", name: "Omar" },
          { parent: "h1", name: "Sara" },
          { parent: "other", name: "Not asked for" },
        ];
      },
      (value) => value.parent,
    );
    const groups = await Promise.all(["h1", "h2", "h3"].map((key) => loader.load(key)));
    expect(groups.map((group) => group.map((person) => person.name))).toEqual([["Amina", "Sara"], ["Omar"], []]);
    expect(batches).toEqual([["h1", "h2", "h3"]]);
  });
});
