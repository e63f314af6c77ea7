/** Typed view of firmware/core/schema/aios.schema.json, the one place AIOS numbers are born. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export type FieldType = "u8" | "u16" | "u32" | "i32" | "varuint" | "str" | "bytes";

export interface FieldSpec {
  name: string;
  type: FieldType;
  /** Name of an entry in `enums` whose index is the field's value. */
  enum?: string;
}

export interface FrameTypeSpec {
  id: number;
  name: string;
  doc: string;
  severity?: string;
  fields: FieldSpec[];
}

export interface ErrorSpec {
  code: number;
  name: string;
  category: string;
  severity: string;
  retryable: boolean;
  escalation: string;
  doc: string;
}

export interface ProtocolSpec {
  version: number;
  maxFrameBytes: number;
  maxPayloadBytes: number;
  crc: "crc32";
  /** Human description of the frame layout, for readers of the schema. */
  layout: string;
}

export interface Schema {
  protocol: ProtocolSpec;
  enums: Record<string, string[]>;
  events: FrameTypeSpec[];
  commands: FrameTypeSpec[];
  errors: ErrorSpec[];
}

export const schemaPath = fileURLToPath(
  new URL("../../../firmware/core/schema/aios.schema.json", import.meta.url),
);

const fieldTypes: ReadonlySet<string> = new Set([
  "u8",
  "u16",
  "u32",
  "i32",
  "varuint",
  "str",
  "bytes",
]);
const identifier = /^[a-z][a-z0-9_]*$/;

/** Loads and checks the schema; every rule broken is listed in one error. */
export function loadSchema(path = schemaPath): Schema {
  const schema = JSON.parse(readFileSync(path, "utf8")) as Schema;
  const problems = checkSchema(schema);
  if (problems.length > 0) {
    throw new Error(`${path} is inconsistent:\n  ${problems.join("\n  ")}`);
  }
  return schema;
}

export function checkSchema(schema: Schema): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  const claim = (key: string, owner: string) => {
    const previous = seen.get(key);
    if (previous !== undefined) problems.push(`${owner} reuses ${key} of ${previous}`);
    seen.set(key, owner);
  };
  for (const frame of [...schema.events, ...schema.commands]) {
    const owner = `frame type ${frame.name}`;
    if (!identifier.test(frame.name)) problems.push(`${owner}: name must be snake_case`);
    if (!Number.isInteger(frame.id) || frame.id < 1 || frame.id > 255) {
      problems.push(`${owner}: id ${frame.id} is not in 1..255`);
    }
    claim(`frame id ${frame.id}`, owner);
    claim(`frame name ${frame.name}`, owner);
    for (const field of frame.fields) {
      if (!fieldTypes.has(field.type))
        problems.push(`${owner}.${field.name}: unknown type ${field.type}`);
      if (field.enum !== undefined && schema.enums[field.enum] === undefined) {
        problems.push(`${owner}.${field.name}: unknown enum ${field.enum}`);
      }
    }
  }
  for (const command of schema.commands) {
    if (command.id < 128) problems.push(`command ${command.name}: ids below 128 are events`);
  }
  for (const event of schema.events) {
    if (event.id >= 128) problems.push(`event ${event.name}: ids from 128 are commands`);
  }
  for (const error of schema.errors) {
    const owner = `error ${error.name}`;
    if (!identifier.test(error.name)) problems.push(`${owner}: name must be snake_case`);
    if (!Number.isInteger(error.code) || error.code < 0 || error.code > 0xffff) {
      problems.push(`${owner}: code ${error.code} is not in 0..65535`);
    }
    claim(`error code ${error.code}`, owner);
    claim(`error name ${error.name}`, owner);
    for (const [value, enumName] of [
      [error.category, "error_category"],
      [error.severity, "severity"],
      [error.escalation, "escalation"],
    ] as const) {
      if (!schema.enums[enumName]?.includes(value))
        problems.push(`${owner}: ${value} is not a ${enumName}`);
    }
  }
  return problems;
}
