/** Field encoding of payloads (schema "fieldTypes"), as firmware/core/src/wire.c. */

export class ByteWriter {
  private buffer = new Uint8Array(64);
  private length = 0;

  private reserve(count: number): void {
    if (this.length + count <= this.buffer.length) return;
    const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + count));
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }

  u8(value: number): void {
    this.reserve(1);
    this.buffer[this.length++] = value & 0xff;
  }

  u16(value: number): void {
    this.u8(value);
    this.u8(value >>> 8);
  }

  u32(value: number): void {
    this.u16(value & 0xffff);
    this.u16(value >>> 16);
  }

  varuint(value: bigint): void {
    if (value < 0n || value >= 1n << 64n) throw new RangeError(`varuint out of range: ${value}`);
    let rest = value;
    do {
      const byte = Number(rest & 0x7fn);
      rest >>= 7n;
      this.u8(rest !== 0n ? byte | 0x80 : byte);
    } while (rest !== 0n);
  }

  /** A u8 length then the bytes; like the C side, refuses nothing but cuts at 255. */
  span(bytes: Uint8Array): void {
    const cut = bytes.subarray(0, 255);
    this.u8(cut.length);
    this.raw(cut);
  }

  raw(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  bytes(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}

/** Reads fields; a short read or malformed varint sets `failed` and later reads return 0. */
export class ByteReader {
  offset = 0;
  failed = false;

  constructor(private readonly data: Uint8Array) {}

  get remaining(): number {
    return this.data.length - this.offset;
  }

  u8(): number {
    if (this.failed || this.offset >= this.data.length) {
      this.failed = true;
      return 0;
    }
    return this.data[this.offset++] as number;
  }

  u16(): number {
    return this.u8() | (this.u8() << 8);
  }

  u32(): number {
    return (this.u16() | (this.u16() << 16)) >>> 0;
  }

  i32(): number {
    return this.u32() | 0;
  }

  varuint(): bigint {
    let value = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      const byte = this.u8();
      if (this.failed) return 0n;
      if (shift === 63n && (byte & 0x7e) !== 0) break;
      value |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return value;
    }
    this.failed = true;
    return 0n;
  }

  span(): Uint8Array {
    const length = this.u8();
    if (this.failed || this.remaining < length) {
      this.failed = true;
      return new Uint8Array(0);
    }
    const bytes = this.data.subarray(this.offset, this.offset + length);
    this.offset += length;
    return bytes;
  }
}
