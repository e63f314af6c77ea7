/**
 * UF2, the file format boards with a USB mass-storage boot loader take (the RP2040's boot ROM:
 * hold BOOTSEL, plug in, copy the file). A UF2 file is a sequence of independent 512-byte
 * blocks, each carrying up to 476 bytes for one flash address:
 *
 *   offset  size  field
 *   0       4     magic 0x0A324655 ("UF2\n")
 *   4       4     magic 0x9E5D5157
 *   8       4     flags (0x2000: the family id field is present)
 *   12      4     target address
 *   16      4     payload size (256 here: the RP2040 boot ROM takes nothing else)
 *   20      4     block number
 *   24      4     number of blocks
 *   28      4     family id (0xe48bff56: RP2040)
 *   32      476   payload, zero-padded
 *   508     4     magic 0x0AB16F30
 *
 * All fields little-endian. The CMake build runs this file to turn a board's flat binary into
 * its .uf2: `node --import tsx uf2.ts <image.bin> <load address> <family id> <out.uf2>`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

export const uf2BlockBytes = 512;
export const uf2PayloadBytes = 256;
export const uf2Magic = { start0: 0x0a324655, start1: 0x9e5d5157, end: 0x0ab16f30 } as const;
export const uf2FlagFamilyId = 0x00002000;
export const rp2040FamilyId = 0xe48bff56;

export interface Uf2Block {
  flags: number;
  targetAddress: number;
  payloadSize: number;
  blockNumber: number;
  blockCount: number;
  familyId: number;
  payload: Uint8Array;
}

/** `image` as UF2 blocks of 256 bytes each, the first at `loadAddress` (256-byte aligned). */
export function toUf2(image: Uint8Array, loadAddress: number, familyId: number): Uint8Array {
  if (loadAddress % uf2PayloadBytes !== 0) {
    throw new RangeError(`load address 0x${loadAddress.toString(16)} is not 256-byte aligned`);
  }
  const blockCount = Math.ceil(image.length / uf2PayloadBytes);
  const out = new Uint8Array(blockCount * uf2BlockBytes);
  const view = new DataView(out.buffer);
  for (let block = 0; block < blockCount; block++) {
    const at = block * uf2BlockBytes;
    const from = block * uf2PayloadBytes;
    view.setUint32(at + 0, uf2Magic.start0, true);
    view.setUint32(at + 4, uf2Magic.start1, true);
    view.setUint32(at + 8, uf2FlagFamilyId, true);
    view.setUint32(at + 12, loadAddress + from, true);
    view.setUint32(at + 16, uf2PayloadBytes, true);
    view.setUint32(at + 20, block, true);
    view.setUint32(at + 24, blockCount, true);
    view.setUint32(at + 28, familyId, true);
    out.set(image.subarray(from, from + uf2PayloadBytes), at + 32);
    view.setUint32(at + 508, uf2Magic.end, true);
  }
  return out;
}

/** The blocks of a UF2 file; throws on a wrong size or magic number, naming the block. */
export function parseUf2(file: Uint8Array): Uf2Block[] {
  if (file.length % uf2BlockBytes !== 0) {
    throw new RangeError(`UF2 file of ${file.length} bytes is not a whole number of blocks`);
  }
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const blocks: Uf2Block[] = [];
  for (let at = 0; at < file.length; at += uf2BlockBytes) {
    const magics = [view.getUint32(at, true), view.getUint32(at + 4, true)];
    if (
      magics[0] !== uf2Magic.start0 ||
      magics[1] !== uf2Magic.start1 ||
      view.getUint32(at + 508, true) !== uf2Magic.end
    ) {
      throw new RangeError(`UF2 block ${at / uf2BlockBytes} has a wrong magic number`);
    }
    const payloadSize = view.getUint32(at + 16, true);
    if (payloadSize > 476) {
      throw new RangeError(`UF2 block ${at / uf2BlockBytes} claims ${payloadSize} payload bytes`);
    }
    blocks.push({
      flags: view.getUint32(at + 8, true),
      targetAddress: view.getUint32(at + 12, true),
      payloadSize,
      blockNumber: view.getUint32(at + 20, true),
      blockCount: view.getUint32(at + 24, true),
      familyId: view.getUint32(at + 28, true),
      payload: new Uint8Array(file.subarray(at + 32, at + 32 + payloadSize)),
    });
  }
  return blocks;
}

function main(args: string[]): void {
  const [input, address, family, output] = args;
  if (input === undefined || address === undefined || family === undefined || !output) {
    throw new Error("usage: uf2.ts <image.bin> <load address> <family id> <out.uf2>");
  }
  writeFileSync(output, toUf2(readFileSync(input), Number(address), Number(family)));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2));
}
