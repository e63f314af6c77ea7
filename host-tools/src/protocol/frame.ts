/**
 * Protocol v1 frames, the same layout as firmware/core/include/aios/frame.h:
 *
 *   version:u8 | type:u8 | seq:u16le | timestamp_us:varuint | payload_len:varuint | payload
 *   | crc32:u32le        then COBS-encoded and followed by one 0x00.
 */
import { crc32 } from "node:zlib";
import { cobsDecode, cobsEncode } from "./cobs.ts";
import { schema } from "./generated/schema.ts";
import { ByteReader, ByteWriter } from "./wire.ts";

export const PROTOCOL_VERSION = schema.protocol.version;
export const MAX_FRAME_BYTES = schema.protocol.maxFrameBytes;
export const MAX_PAYLOAD_BYTES = schema.protocol.maxPayloadBytes;
/** COBS overhead plus the delimiter, as AIOS_MAX_ENCODED_BYTES in C. */
export const MAX_ENCODED_BYTES = MAX_FRAME_BYTES + Math.floor(MAX_FRAME_BYTES / 254) + 2;

export interface Frame {
  version: number;
  type: number;
  seq: number;
  timestampUs: bigint;
  payload: Uint8Array;
}

export type FrameError = "bad_frame" | "bad_crc" | "bad_version";

export class FrameTooLargeError extends Error {
  constructor(readonly payloadBytes: number) {
    super(`payload of ${payloadBytes} bytes exceeds the protocol's ${MAX_PAYLOAD_BYTES}`);
    this.name = "FrameTooLargeError";
  }
}

/** The wire bytes of a frame, COBS-encoded and delimited. */
export function encodeFrame(frame: Omit<Frame, "version"> & { version?: number }): Uint8Array {
  if (frame.payload.length > MAX_PAYLOAD_BYTES) throw new FrameTooLargeError(frame.payload.length);
  const w = new ByteWriter();
  w.u8(frame.version ?? PROTOCOL_VERSION);
  w.u8(frame.type);
  w.u16(frame.seq);
  w.varuint(frame.timestampUs);
  w.varuint(BigInt(frame.payload.length));
  w.raw(frame.payload);
  const body = w.bytes();
  w.u32(crc32(body));
  const encoded = cobsEncode(w.bytes());
  const wire = new Uint8Array(encoded.length + 1);
  wire.set(encoded);
  return wire;
}

/** Parses one COBS-decoded frame; the error says why a frame is refused. */
export function parseFrame(raw: Uint8Array): Frame | FrameError {
  if (raw.length < 10) return "bad_frame";
  const body = raw.subarray(0, raw.length - 4);
  const crc = new DataView(raw.buffer, raw.byteOffset + raw.length - 4, 4).getUint32(0, true);
  if (crc !== crc32(body)) return "bad_crc";
  const r = new ByteReader(body);
  const version = r.u8();
  const type = r.u8();
  const seq = r.u16();
  const timestampUs = r.varuint();
  const length = r.varuint();
  if (r.failed || length !== BigInt(r.remaining)) return "bad_frame";
  if (version !== PROTOCOL_VERSION) return "bad_version";
  return { version, type, seq, timestampUs, payload: body.subarray(r.offset) };
}

/** Decodes one delimited chunk (without its 0x00). */
export function decodeWireFrame(encoded: Uint8Array): Frame | FrameError {
  const raw = cobsDecode(encoded);
  return raw === undefined ? "bad_frame" : parseFrame(raw);
}
