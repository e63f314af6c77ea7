/** Consistent Overhead Byte Stuffing: removes every 0x00 from a frame so 0x00 can delimit. */

export function cobsEncode(raw: Uint8Array): Uint8Array {
  const out = new Uint8Array(raw.length + Math.ceil(raw.length / 254) + 1);
  let codeAt = 0;
  let written = 1;
  let code = 1;
  for (const byte of raw) {
    if (byte !== 0) {
      out[written++] = byte;
      code++;
    }
    if (byte === 0 || code === 0xff) {
      out[codeAt] = code;
      code = 1;
      codeAt = written++;
    }
  }
  out[codeAt] = code;
  return out.subarray(0, written);
}

/** Returns undefined for a malformed encoding (a zero inside, or a block past the end). */
export function cobsDecode(encoded: Uint8Array): Uint8Array | undefined {
  const out = new Uint8Array(encoded.length);
  let read = 0;
  let written = 0;
  while (read < encoded.length) {
    const code = encoded[read++] as number;
    if (code === 0 || read + code - 1 > encoded.length) return undefined;
    for (let i = 1; i < code; i++) {
      const byte = encoded[read++] as number;
      if (byte === 0) return undefined;
      out[written++] = byte;
    }
    if (code !== 0xff && read < encoded.length) out[written++] = 0;
  }
  return out.subarray(0, written);
}
