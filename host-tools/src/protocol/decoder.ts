/**
 * Turns a byte stream from the device into frames.
 *
 *   bytes ──split at 0x00──▶ chunk ──COBS──▶ raw frame ──CRC, lengths, version──▶ Frame
 *
 * Garbage or a torn frame costs at most the frames it touches: the decoder resynchronises at
 * the next delimiter, never emits a frame that fails its checks, drops chunks longer than
 * MAX_ENCODED_BYTES without buffering them, and counts every loss in `stats`.
 */
import { Transform, type TransformCallback } from "node:stream";
import { decodeWireFrame, type Frame, type FrameError, MAX_ENCODED_BYTES } from "./frame.ts";

export interface DecoderStats {
  frames: number;
  /** Chunks that failed COBS, CRC, length or version checks. */
  corrupt: number;
  /** Chunks longer than the protocol allows. */
  oversized: number;
  /** Frames missing from the sequence numbers (includes the corrupt ones once a good frame follows). */
  lost: number;
  lastError?: FrameError | "oversized";
}

export class FrameDecoder extends Transform {
  readonly stats: DecoderStats = { frames: 0, corrupt: 0, oversized: 0, lost: 0 };
  private chunk = new Uint8Array(MAX_ENCODED_BYTES);
  private length = 0;
  private discarding = false;
  private expectedSeq: number | undefined;

  constructor() {
    super({ readableObjectMode: true });
  }

  override _transform(data: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    for (const frame of this.feed(data)) this.push(frame);
    done();
  }

  /** Feeds bytes; returns the frames they complete. Usable without the stream machinery. */
  *feed(data: Uint8Array): Generator<Frame> {
    for (const byte of data) {
      if (byte !== 0) {
        if (this.discarding) continue;
        if (this.length === this.chunk.length) {
          this.discarding = true;
          this.length = 0;
          this.stats.oversized++;
          this.stats.lastError = "oversized";
          continue;
        }
        this.chunk[this.length++] = byte;
        continue;
      }
      if (this.discarding) {
        this.discarding = false;
        continue;
      }
      if (this.length === 0) continue;
      const result = decodeWireFrame(this.chunk.subarray(0, this.length));
      this.length = 0;
      if (typeof result === "string") {
        this.stats.corrupt++;
        this.stats.lastError = result;
        continue;
      }
      this.account(result);
      yield result;
    }
  }

  private account(frame: Frame): void {
    this.stats.frames++;
    // A device that rebooted starts again at 0; that is not a loss.
    if (this.expectedSeq !== undefined && frame.seq !== 0) {
      this.stats.lost += (frame.seq - this.expectedSeq) & 0xffff;
    }
    this.expectedSeq = (frame.seq + 1) & 0xffff;
  }
}
