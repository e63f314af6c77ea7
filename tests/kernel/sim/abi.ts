/**
 * The agent ABI's numbers, read from their one source (firmware/kernel/abi/*.ts, AssemblyScript)
 * so the tests never restate them: each `export const NAME: i32 = expression;` of a namespace.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./build.ts";

function namespaceConstants(file: string, namespace: string): Record<string, number> {
  const source = readFileSync(join(repoRoot, "firmware/kernel/abi", file), "utf8");
  const start = source.indexOf(`export namespace ${namespace} {`);
  if (start < 0) throw new Error(`no namespace ${namespace} in ${file}`);
  const body = source.slice(start, source.indexOf("\n}", start));
  const values: Record<string, number> = {};
  for (const match of body.matchAll(/export const (\w+): i32 = ([^;]+);/g)) {
    const [, name, expression] = match;
    if (name === undefined || expression === undefined || !/^[\dxa-fA-F\s()<>|&~+-]+$/.test(expression)) {
      throw new Error(`${file}: ${namespace}.${name} is not a constant expression`);
    }
    values[name] = Number(new Function(`return (${expression});`)());
  }
  return values;
}

type Table = Record<string, number>;
const must = (table: Table) =>
  new Proxy(table, {
    get: (target, key: string) => {
      const value = target[key];
      if (value === undefined) throw new Error(`ABI has no ${key}`);
      return value;
    },
  });

export const Sys = must(namespaceConstants("syscalls.ts", "Sys"));
export const Cap = must(namespaceConstants("flags.ts", "Cap"));
export const Rights = must(namespaceConstants("flags.ts", "Rights"));
export const Hint = must(namespaceConstants("flags.ts", "Hint"));
export const Subscribe = must(namespaceConstants("flags.ts", "Subscribe"));
export const EventRecord = must(namespaceConstants("flags.ts", "EventRecord"));
