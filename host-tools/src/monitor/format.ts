/** How a device event looks to a person (a TTY line) and to a program (one NDJSON object). */
import pc from "picocolors";
import type { DeviceEvent, FieldValue } from "../protocol/messages.ts";

/** Bumped when the NDJSON objects change shape; the first line of --json output names it. */
export const MONITOR_SCHEMA_VERSION = 1;

export interface TimedEvent extends DeviceEvent {
  hostTime: Date;
}

/** Numbers stay numbers while they are exact in JSON; larger ones become strings. */
function jsonValue(value: FieldValue): number | string {
  if (typeof value !== "bigint") return value;
  return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
}

export function schemaLine(protocolVersion: number): string {
  return JSON.stringify({
    schema: "aios-monitor",
    version: MONITOR_SCHEMA_VERSION,
    protocol: protocolVersion,
    record: ["kind", "seq", "device_us", "host_time", "severity", "fields", "payload_hex?"],
  });
}

export function toJsonLine(event: TimedEvent): string {
  const fields: Record<string, number | string> = {};
  for (const [name, value] of Object.entries(event.fields)) fields[name] = jsonValue(value);
  return JSON.stringify({
    kind: event.kind,
    seq: event.seq,
    device_us: jsonValue(event.deviceUs),
    host_time: event.hostTime.toISOString(),
    severity: event.severity,
    fields,
    ...(event.payloadHex !== undefined ? { payload_hex: event.payloadHex } : {}),
  });
}

const severityColour: Record<string, (text: string) => string> = {
  debug: pc.dim,
  info: (text) => text,
  warning: pc.yellow,
  error: pc.red,
  critical: (text) => pc.bold(pc.red(text)),
};

function hex32(value: FieldValue): string {
  return `0x${Number(value).toString(16).padStart(8, "0")}`;
}

const addressFields = new Set(["pc", "lr", "xpsr", "cfsr", "hfsr", "address"]);

export function toHumanLine(event: TimedEvent, colour: boolean): string {
  const seconds = Number(event.deviceUs) / 1e6;
  const stamp = `[${seconds.toFixed(6).padStart(12)}]`;
  const details = Object.entries(event.fields)
    .map(([name, value]) => `${name}=${addressFields.has(name) ? hex32(value) : String(value)}`)
    .join(" ");
  const extra = event.payloadHex !== undefined ? ` payload=${event.payloadHex}` : "";
  const host = event.hostTime.toISOString().slice(11, 23);
  const line = `${host} ${stamp} ${event.kind.padEnd(12)} ${details}${extra}`;
  const paint = colour ? (severityColour[event.severity] ?? ((t: string) => t)) : (t: string) => t;
  return paint(line);
}
