// The stream to the host: every kernel event at or above the host's minimum severity becomes a
// frame (the core adds sequence number, timestamp, CRC and COBS).
import { emit } from "../abi/core";
import { EventRecord } from "../abi/flags";
import { OUT, outLength, outReset, putSpan, putU16, putU32, putU8 } from "../abi/wire";
import { FrameType } from "../generated/protocol";
import { eventLayout } from "./kinds";

let minSeverity: i32 = 0;

export function setMinSeverity(severity: i32): void {
  minSeverity = severity;
}

/** Sends the event record at `rec` (EventRecord layout) to the host unless filtered out. */
export function stream(rec: usize): void {
  let type = <i32>load<u8>(rec, EventRecord.TYPE);
  if (<i32>load<u8>(rec, EventRecord.SEVERITY) < minSeverity) return;
  outReset();
  putU16(<u32>load<u16>(rec, EventRecord.AGENT));
  putU32(load<u32>(rec, EventRecord.CORRELATION));
  let values = eventLayout(type) & 0xf;
  for (let i = 0; i < values; i++) putU32(load<u32>(rec + EventRecord.VALUES + <usize>(i << 2)));
  emit(type, OUT, outLength());
}

/** A `log` frame; the text was already copied into kernel memory at `text`. */
export function streamLog(agent: i32, level: i32, text: usize, len: i32): void {
  outReset();
  putU16(<u32>agent);
  putU8(<u32>level);
  putSpan(text, len);
  emit(FrameType.Log, OUT, outLength());
}

/** A `command_error` frame: the host's command `command` was refused with `error`. */
export function streamCommandError(command: i32, error: i32, correlation: u32): void {
  outReset();
  putU8(<u32>command);
  putU16(<u32>error);
  putU32(correlation);
  emit(FrameType.CommandError, OUT, outLength());
}
