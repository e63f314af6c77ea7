/** host-tools/src/build/uf2.ts: the UF2 blocks it writes and the checks its parser makes. */
import { describe, expect, it } from "vitest";
import {
  parseUf2,
  rp2040FamilyId,
  toUf2,
  uf2BlockBytes,
  uf2FlagFamilyId,
} from "../../host-tools/src/build/uf2.ts";

const image = Uint8Array.from({ length: 600 }, (_, i) => (i * 7 + 3) & 0xff);

describe("toUf2", () => {
  const file = toUf2(image, 0x10000000, rp2040FamilyId);
  const blocks = parseUf2(file);

  it("writes one 512-byte block per 256 bytes of image, the last one zero-padded", () => {
    expect(file.length).toBe(3 * uf2BlockBytes);
    expect(blocks.map((b) => b.payloadSize)).toEqual([256, 256, 256]);
    expect(blocks[2]?.payload.subarray(600 - 512)).toEqual(new Uint8Array(256 - 88));
  });

  it("numbers the blocks, addresses them consecutively and names the family", () => {
    expect(blocks.map((b) => b.blockNumber)).toEqual([0, 1, 2]);
    expect(blocks.every((b) => b.blockCount === 3)).toBe(true);
    expect(blocks.map((b) => b.targetAddress)).toEqual([0x10000000, 0x10000100, 0x10000200]);
    expect(blocks.every((b) => b.familyId === rp2040FamilyId)).toBe(true);
    expect(blocks.every((b) => b.flags === uf2FlagFamilyId)).toBe(true);
  });

  it("carries the image unchanged", () => {
    const joined = new Uint8Array(blocks.length * 256);
    blocks.forEach((b, i) => {
      joined.set(b.payload, i * 256);
    });
    expect(joined.subarray(0, image.length)).toEqual(image);
  });

  it("puts the magic numbers where the UF2 specification says, little-endian", () => {
    const view = new DataView(file.buffer);
    expect(view.getUint32(0, true)).toBe(0x0a324655);
    expect(view.getUint32(4, true)).toBe(0x9e5d5157);
    expect(view.getUint32(508, true)).toBe(0x0ab16f30);
    expect(view.getUint32(512 + 28, true)).toBe(0xe48bff56);
  });

  it("refuses a load address that is not 256-byte aligned", () => {
    expect(() => toUf2(image, 0x10000080, rp2040FamilyId)).toThrow(/aligned/);
  });
});

describe("parseUf2", () => {
  it("rejects a file that is not whole blocks", () => {
    expect(() => parseUf2(new Uint8Array(700))).toThrow(/whole number of blocks/);
  });

  it("rejects a block with a damaged magic number and names it", () => {
    const file = toUf2(image, 0x10000000, rp2040FamilyId);
    file.set([0], uf2BlockBytes + 508);
    expect(() => parseUf2(file)).toThrow(/block 1 has a wrong magic/);
  });
});
