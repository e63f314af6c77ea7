/** The stream decoder under damage: garbage, torn frames, flipped and dropped bytes. */
import { describe, expect, it } from "vitest";
import { FrameDecoder } from "../../host-tools/src/protocol/decoder.ts";
import {
  encodeFrame,
  MAX_ENCODED_BYTES,
  MAX_PAYLOAD_BYTES,
} from "../../host-tools/src/protocol/frame.ts";

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function frameWithPayload(seq: number, payload: Uint8Array): Uint8Array {
  return encodeFrame({ type: 5, seq, timestampUs: BigInt(seq) * 1000n, payload });
}

describe("frame decoder", () => {
  it("decodes an empty payload and the maximum payload", () => {
    const max = Uint8Array.from({ length: MAX_PAYLOAD_BYTES }, (_, i) => i % 256);
    const frames = [
      ...new FrameDecoder().feed(
        Buffer.concat([frameWithPayload(0, new Uint8Array()), frameWithPayload(1, max)]),
      ),
    ];
    expect(frames.map((f) => f.payload.length)).toEqual([0, MAX_PAYLOAD_BYTES]);
    expect(Buffer.from(frames[1]?.payload ?? []).equals(Buffer.from(max))).toBe(true);
  });

  it("refuses to encode a payload above the maximum", () => {
    expect(() => frameWithPayload(0, new Uint8Array(MAX_PAYLOAD_BYTES + 1))).toThrow(/exceeds/);
  });

  it("resynchronises after garbage between frames, losing only the frame garbage touches", () => {
    const decoder = new FrameDecoder();
    const stream = Buffer.concat([
      Buffer.from([0x13, 0x37, 0xff, 0x00]),
      frameWithPayload(0, Buffer.from("first")),
      Buffer.from([0xaa, 0xbb, 0x00, 0x00]),
      frameWithPayload(1, Buffer.from("second")),
      Buffer.from([0x01]),
      frameWithPayload(2, Buffer.from("touched")),
      frameWithPayload(3, Buffer.from("fourth")),
    ]);
    const frames = [...decoder.feed(stream)];
    expect(frames.map((f) => Buffer.from(f.payload).toString())).toEqual([
      "first",
      "second",
      "fourth",
    ]);
    expect(decoder.stats).toMatchObject({ corrupt: 3, lost: 1 });
  });

  it("drops an oversized run without buffering it and recovers at the next delimiter", () => {
    const decoder = new FrameDecoder();
    const frames = [
      ...decoder.feed(
        Buffer.concat([
          Buffer.alloc(MAX_ENCODED_BYTES * 3, 0x41),
          Buffer.from([0]),
          frameWithPayload(0, Buffer.from("ok")),
        ]),
      ),
    ];
    expect(frames).toHaveLength(1);
    expect(decoder.stats.oversized).toBe(1);
  });

  it("handles a frame split across many writes", () => {
    const decoder = new FrameDecoder();
    const wire = frameWithPayload(3, Buffer.from("split into single bytes"));
    const frames = [...wire].flatMap((byte) => [...decoder.feed(Uint8Array.of(byte))]);
    expect(frames).toHaveLength(1);
    expect(frames[0]?.seq).toBe(3);
  });

  it("counts a sequence gap as lost frames, but not a device reboot", () => {
    const decoder = new FrameDecoder();
    const seqs = [0, 1, 2, 6, 7, 0, 1];
    [...decoder.feed(Buffer.concat(seqs.map((s) => frameWithPayload(s, Buffer.from([s])))))];
    expect(decoder.stats.lost).toBe(3);
  });

  it("never emits a misdecoded frame when bytes are corrupted and dropped, and counts every loss", () => {
    const next = random(20261126);
    const sent = new Map<number, string>();
    const chunks: Uint8Array[] = [];
    for (let seq = 0; seq < 2000; seq++) {
      const payload = Uint8Array.from({ length: Math.floor(next() * 64) }, () =>
        Math.floor(next() * 256),
      );
      sent.set(seq, Buffer.from(payload).toString("hex"));
      const wire = Uint8Array.from(frameWithPayload(seq, payload));
      const damage = next();
      if (damage < 0.05) {
        const at = Math.floor(next() * wire.length);
        wire[at] = (wire[at] ?? 0) ^ (1 << Math.floor(next() * 8));
      } else if (damage < 0.1)
        chunks.push(wire.subarray(0, Math.floor(next() * (wire.length - 1))));
      else if (damage < 0.12)
        chunks.push(Uint8Array.from({ length: 8 }, () => Math.floor(next() * 256)));
      if (damage >= 0.05 && damage < 0.1) continue;
      chunks.push(wire);
    }
    const decoder = new FrameDecoder();
    const received = [...decoder.feed(Buffer.concat(chunks))];
    for (const frame of received) {
      expect(Buffer.from(frame.payload).toString("hex")).toBe(sent.get(frame.seq));
    }
    const seqs = received.map((f) => f.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    const missing = 2000 - received.length;
    expect(missing).toBeGreaterThan(50);
    // Frames lost at the very end have no successor to reveal the gap.
    const lastSeq = seqs.at(-1) ?? 0;
    expect(decoder.stats.lost).toBe(missing - (1999 - lastSeq));
    expect(decoder.stats.corrupt).toBeGreaterThan(0);
  });
});
