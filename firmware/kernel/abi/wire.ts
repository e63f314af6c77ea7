// Frame payload encoding (kernel → host) and decoding (host → kernel), in the schema's field types:
// little-endian integers, unsigned LEB128 varuint, u8-length-prefixed str/bytes. Both work on
// fixed buffers in kernel memory; nothing is allocated.
import { MAX_PAYLOAD_BYTES } from "../generated/protocol";

export const OUT: usize = memory.data(MAX_PAYLOAD_BYTES);
export const IN: usize = memory.data(MAX_PAYLOAD_BYTES);

let outLen: i32 = 0;

export function outReset(): void {
  outLen = 0;
}

export function outLength(): i32 {
  return outLen;
}

export function putU8(v: u32): void {
  if (outLen + 1 > MAX_PAYLOAD_BYTES) return;
  store<u8>(OUT + <usize>outLen, <u8>v);
  outLen += 1;
}

// Wasm memory is little-endian like the wire: a field that fits is one store; one that does not
// is written byte by byte as far as it fits, as putU8 would.
export function putU16(v: u32): void {
  if (outLen + 2 > MAX_PAYLOAD_BYTES) {
    putU8(v & 0xff);
    putU8((v >> 8) & 0xff);
    return;
  }
  store<u16>(OUT + <usize>outLen, <u16>v);
  outLen += 2;
}

export function putU32(v: u32): void {
  if (outLen + 4 > MAX_PAYLOAD_BYTES) {
    putU16(v & 0xffff);
    putU16(v >> 16);
    return;
  }
  store<u32>(OUT + <usize>outLen, v);
  outLen += 4;
}

/** A str or bytes field: u8 length, then the bytes already in kernel memory at `ptr`. */
export function putSpan(ptr: usize, len: i32): void {
  let n = min(len, 255);
  if (outLen + 1 + n > MAX_PAYLOAD_BYTES) n = MAX_PAYLOAD_BYTES - outLen - 1;
  putU8(<u32>n);
  memory.copy(OUT + <usize>outLen, ptr, <usize>n);
  outLen += n;
}

// --- decoding --------------------------------------------------------------------------------

let inLen: i32 = 0;
let inPos: i32 = 0;
let inFailed: bool = false;

export function inBegin(len: i32): void {
  inLen = min(len, MAX_PAYLOAD_BYTES);
  inPos = 0;
  inFailed = len > MAX_PAYLOAD_BYTES;
}

/** True when a read ran past the payload or bytes were left over: the payload is malformed. */
export function inBad(): bool {
  return inFailed || inPos != inLen;
}

export function getU8(): u32 {
  if (inPos + 1 > inLen) {
    inFailed = true;
    return 0;
  }
  let v = <u32>load<u8>(IN + <usize>inPos);
  inPos += 1;
  return v;
}

export function getU16(): u32 {
  let lo = getU8();
  return lo | (getU8() << 8);
}

export function getU32(): u32 {
  let lo = getU16();
  return lo | (getU16() << 16);
}

/** A bytes field: returns its pointer in the input buffer; its length is left in `spanLength`. */
export let spanLength: i32 = 0;
export function getSpan(): usize {
  spanLength = <i32>getU8();
  if (inPos + spanLength > inLen) {
    inFailed = true;
    spanLength = 0;
  }
  let ptr = IN + <usize>inPos;
  inPos += spanLength;
  return ptr;
}
