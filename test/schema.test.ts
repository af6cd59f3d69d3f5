import { existsSync, readFileSync } from "node:fs";
import { schemaFile, schemaSdl } from "../src/scripts/print-schema";

describe("schema/schema.graphql", () => {
  it("is the schema built from the code", async () => {
    const file = schemaFile();
    const committed = existsSync(file) ? readFileSync(file, "utf8") : "";
    const current = await schemaSdl();
    if (committed !== current) {
      const [ours, theirs] = [current.split("\n"), committed.split("\n")];
      const line = ours.findIndex((text, i) => text !== theirs[i]);
      const problem = committed === "" ? "is missing" : `is stale (first difference at line ${line === -1 ? ours.length : line + 1})`;
      throw new Error(`schema/schema.graphql ${problem}: run \`npm run schema\` and commit the file.`);
    }
  });
});
