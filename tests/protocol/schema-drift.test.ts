/** The C, AssemblyScript and TypeScript tables must be what the schema generates today. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../host-tools/src/paths.ts";
import { generate } from "../../host-tools/src/schema/generate.ts";
import { checkSchema, loadSchema } from "../../host-tools/src/schema/schema.ts";

describe("schema", () => {
  const schema = loadSchema();

  it.each(generate(schema).map((file) => [file.path, file.content]))(
    "%s matches the schema (run `npm run generate` after editing it)",
    (path, content) => {
      expect(readFileSync(join(repoRoot, path), "utf8")).toBe(content);
    },
  );

  it("refuses a reused frame id, a reused error code and an unknown field type", () => {
    const broken = structuredClone(schema);
    broken.events.push({ ...structuredClone(schema.events[0]!), name: "boot_again" });
    broken.errors.push({ ...structuredClone(schema.errors[1]!), name: "other_error" });
    (broken.commands[0]!.fields[0] as { type: string }).type = "float";
    const problems = checkSchema(broken).join("\n");
    expect(problems).toMatch(/boot_again reuses frame id 1/);
    expect(problems).toMatch(/other_error reuses error code 1/);
    expect(problems).toMatch(/unknown type float/);
  });
});
