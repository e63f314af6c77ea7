/**
 * The agent ABI's flag numbers (capability flags, hints, ...), read from their one source,
 * firmware/kernel/abi/*.ts (AssemblyScript): each `export const NAME: i32 = expression;` of a
 * namespace, whose expression may use only integer literals and operators.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "../errors.ts";
import { repoRoot } from "../paths.ts";

export function abiConstants(file: string, namespace: string): Record<string, number> {
  const source = readFileSync(join(repoRoot, "firmware/kernel/abi", file), "utf8");
  const start = source.indexOf(`export namespace ${namespace} {`);
  if (start < 0) throw new Error(`no namespace ${namespace} in ${file}`);
  const body = source.slice(start, source.indexOf("\n}", start));
  const values: Record<string, number> = {};
  for (const match of body.matchAll(/export const (\w+): i32 = ([^;]+);/g)) {
    const [, name, expression] = match;
    if (
      name === undefined ||
      expression === undefined ||
      !/^[\dxa-fA-F\s()<>|&~+-]+$/.test(expression)
    ) {
      throw new Error(`${file}: ${namespace}.${name} is not a constant expression`);
    }
    values[name] = Number(new Function(`return (${expression});`)());
  }
  return values;
}

/** ORs flag names ("events_publish", "SERVICES") from `namespace` into a mask. */
export function flagMask(file: string, namespace: string, names: readonly string[]): number {
  const table = abiConstants(file, namespace);
  let mask = 0;
  for (const name of names) {
    const value = table[name.toUpperCase()];
    if (value === undefined) {
      const known = Object.keys(table).map((n) => n.toLowerCase());
      throw new UsageError(`unknown ${namespace} flag '${name}'. Known: ${known.join(", ")}`);
    }
    mask |= value;
  }
  return mask;
}
