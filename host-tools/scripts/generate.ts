/** `npm run generate`: rewrites the C, AssemblyScript and TypeScript tables from the schema. */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { repoRoot } from "../src/paths.ts";
import { generate } from "../src/schema/generate.ts";
import { loadSchema } from "../src/schema/schema.ts";

for (const file of generate(loadSchema())) {
  const target = join(repoRoot, file.path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, file.content);
  console.log(`wrote ${file.path}`);
}
