/** The shared vectors, checked against the TypeScript codec here and the C codec (built with
 * ASan and UBSan) through its test program. */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { buildDirFor } from "../../host-tools/src/build/firmware.ts";
import { repoRoot } from "../../host-tools/src/paths.ts";
import { cobsDecode, cobsEncode } from "../../host-tools/src/protocol/cobs.ts";
import { FrameDecoder } from "../../host-tools/src/protocol/decoder.ts";
import { encodeFrame } from "../../host-tools/src/protocol/frame.ts";

const vectorsFile = join(repoRoot, "tests/protocol/vectors.txt");
const lines = readFileSync(vectorsFile, "utf8")
  .split("\n")
  .map((line) => line.trim().split(/\s+/))
  .filter((fields) => fields[0] !== "" && !fields[0]?.startsWith("#"));
const hex = (text: string) =>
  text === "-" ? new Uint8Array() : Uint8Array.from(Buffer.from(text, "hex"));
const ofKind = (kind: string) =>
  lines.filter((fields) => fields[0] === kind).map((f) => f.slice(1));

describe("shared protocol vectors", () => {
  it("has vectors of every kind", () => {
    for (const kind of ["crc", "cobs", "frame", "reject"])
      expect(ofKind(kind).length).toBeGreaterThan(0);
  });

  it.each(ofKind("crc"))("CRC-32 of %s is %s", (data, expected) => {
    expect(
      crc32(hex(data as string))
        .toString(16)
        .padStart(8, "0"),
    ).toBe(expected);
  });

  it.each(ofKind("cobs"))("COBS round trip of %s", (raw, encoded) => {
    expect(Buffer.from(cobsEncode(hex(raw as string))).toString("hex")).toBe(encoded);
    expect(Buffer.from(cobsDecode(hex(encoded as string)) ?? []).toString("hex")).toBe(raw);
  });

  it.each(ofKind("frame"))(
    "frame %s encodes and decodes exactly",
    (_name, type, seq, ts, payload, wire) => {
      const frame = {
        type: Number(type),
        seq: Number(seq),
        timestampUs: BigInt(ts as string),
        payload: hex(payload as string),
      };
      expect(Buffer.from(encodeFrame(frame)).toString("hex")).toBe(wire);
      const decoded = [...new FrameDecoder().feed(hex(wire as string))];
      expect(decoded).toHaveLength(1);
      expect(decoded[0]).toMatchObject({ ...frame, version: 1 });
    },
  );

  it.each(ofKind("reject"))("rejects %s and counts the loss", (_name, wire, lost) => {
    const decoder = new FrameDecoder();
    expect([...decoder.feed(hex(wire as string))]).toHaveLength(0);
    expect(decoder.stats.corrupt + decoder.stats.oversized).toBe(Number(lost));
  });

  it("are also passed by the C codec", () => {
    const program = join(buildDirFor("native", true), "frame_vectors_test");
    const output = execFileSync(program, [vectorsFile], { encoding: "utf8" });
    expect(output).toMatch(/^\d+ passed, 0 failed$/m);
  });
});
