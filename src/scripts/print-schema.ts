import "reflect-metadata";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { lexicographicSortSchema, printSchema } from "graphql";
import { buildThuisSchema } from "../graphql/schema";

/** The schema as SDL, types and fields sorted so the committed file changes only when the API does. */
export async function schemaSdl(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await buildThuisSchema()))}\n`;
}

/** schema/schema.graphql of this checkout, found from here whether run from src/ or dist/src/. */
export function schemaFile(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, "package.json"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("package.json not found above " + __dirname);
    dir = parent;
  }
  return path.join(dir, "schema", "schema.graphql");
}

/** `npm run schema`: writes the schema built from the code to schema/schema.graphql. */
async function main(): Promise<void> {
  const file = schemaFile();
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, await schemaSdl());
  console.log(`Wrote ${path.relative(process.cwd(), file)}`);
}

if (require.main === module) {
  main().catch((error: Error) => {
    console.error(error.message);
    process.exitCode = 1;
  });
}
