/** Numbers the tests need, looked up by name in the generated schema (never typed in by hand). */
import { schema } from "../../../host-tools/src/protocol/generated/schema.ts";

export function errorCode(name: string): number {
  const entry = schema.errors.find((e) => e.name === name);
  if (entry === undefined) throw new Error(`no error ${name} in the schema`);
  return entry.code;
}

export function frameType(name: string): number {
  const entry = [...schema.events, ...schema.commands].find((f) => f.name === name);
  if (entry === undefined) throw new Error(`no frame type ${name} in the schema`);
  return entry.id;
}

export function enumValue(name: string, value: string): number {
  const index = schema.enums[name]?.indexOf(value) ?? -1;
  if (index < 0) throw new Error(`no ${value} in enum ${name}`);
  return index;
}

export { schema };
