/** Payloads of the schema's frame types: events decoded on the host, commands encoded for it. */
import type { FieldSpec, FrameTypeSpec } from "../schema/schema.ts";
import type { Frame } from "./frame.ts";
import { encodeFrame } from "./frame.ts";
import { schema } from "./generated/schema.ts";
import { ByteReader, ByteWriter } from "./wire.ts";

export type FieldValue = number | string | bigint;

export interface DeviceEvent {
  kind: string;
  type: number;
  seq: number;
  deviceUs: bigint;
  severity: string;
  fields: Record<string, FieldValue>;
  /** Present when the payload did not match the schema or the type is unknown to this host. */
  payloadHex?: string;
}

const eventsById = new Map(schema.events.map((e) => [e.id, e]));
const commandsByName = new Map(schema.commands.map((c) => [c.name, c]));

export const eventKinds: readonly string[] = schema.events.map((e) => e.name);

function readField(r: ByteReader, field: FieldSpec): FieldValue {
  switch (field.type) {
    case "u8": {
      const value = r.u8();
      const names = field.enum === undefined ? undefined : schema.enums[field.enum];
      return names?.[value] ?? value;
    }
    case "u16":
      return r.u16();
    case "u32":
      return r.u32();
    case "i32":
      return r.i32();
    case "varuint":
      return r.varuint();
    case "str":
      return new TextDecoder().decode(r.span());
    case "bytes":
      return Buffer.from(r.span()).toString("hex");
  }
}

export function decodeEvent(frame: Frame): DeviceEvent {
  const spec = eventsById.get(frame.type);
  const base = { type: frame.type, seq: frame.seq, deviceUs: frame.timestampUs };
  const hex = Buffer.from(frame.payload).toString("hex");
  if (spec === undefined) {
    return { ...base, kind: "unknown", severity: "info", fields: {}, payloadHex: hex };
  }
  const r = new ByteReader(frame.payload);
  const fields: Record<string, FieldValue> = {};
  for (const field of spec.fields) fields[field.name] = readField(r, field);
  const severity = spec.severity ?? "info";
  // Trailing bytes are allowed: a newer firmware may append fields this host does not know.
  if (r.failed) return { ...base, kind: spec.name, severity, fields: {}, payloadHex: hex };
  return { ...base, kind: spec.name, severity, fields };
}

function writeField(w: ByteWriter, spec: FrameTypeSpec, field: FieldSpec, value: unknown): void {
  const where = `${spec.name}.${field.name}`;
  if (field.type === "str" || field.type === "bytes") {
    if (typeof value !== "string") throw new TypeError(`${where} must be a string`);
    w.span(field.type === "str" ? new TextEncoder().encode(value) : Buffer.from(value, "hex"));
    return;
  }
  if (field.type === "varuint") {
    w.varuint(BigInt(value as number | bigint));
    return;
  }
  let numeric = value;
  if (typeof value === "string" && field.enum !== undefined) {
    numeric = schema.enums[field.enum]?.indexOf(value);
    if (numeric === -1) throw new TypeError(`${where}: '${value}' is not a ${field.enum}`);
  }
  if (typeof numeric !== "number" || !Number.isInteger(numeric)) {
    throw new TypeError(`${where} must be an integer`);
  }
  const writers = { u8: w.u8, u16: w.u16, u32: w.u32, i32: w.u32 } as const;
  writers[field.type].call(w, numeric);
}

/** Encodes a host→device command by its schema name, ready to write to the port. */
export function encodeCommand(
  name: string,
  values: Record<string, unknown>,
  seq: number,
  timestampUs = 0n,
): Uint8Array {
  const spec = commandsByName.get(name);
  if (spec === undefined) throw new TypeError(`unknown command '${name}'`);
  const w = new ByteWriter();
  for (const field of spec.fields) writeField(w, spec, field, values[field.name]);
  return encodeFrame({ type: spec.id, seq, timestampUs, payload: w.bytes() });
}
