/**
 * The protocol over a serial link: decoded events in, encoded commands out. Every host tool
 * that talks to a device (monitor, ping, tests) goes through one of these.
 */
import { EventEmitter } from "node:events";
import { type LinkError, TimeoutError } from "../errors.ts";
import type { TimedEvent } from "../monitor/format.ts";
import { FrameDecoder } from "../protocol/decoder.ts";
import { decodeEvent, encodeCommand } from "../protocol/messages.ts";
import type { SerialLink } from "./serial.ts";

export class DeviceChannel {
  readonly decoder = new FrameDecoder();
  private readonly emitter = new EventEmitter();
  private nextSeq = 0;
  private closedBy: LinkError | undefined;

  constructor(readonly link: SerialLink) {
    link.onData((bytes) => {
      for (const frame of this.decoder.feed(bytes)) {
        const event: TimedEvent = { ...decodeEvent(frame), hostTime: new Date() };
        this.emitter.emit("event", event);
      }
    });
    link.onClose((error) => {
      if (error === undefined) return;
      this.closedBy = error;
      this.emitter.emit("lost", error);
    });
  }

  onEvent(listener: (event: TimedEvent) => void): () => void {
    this.emitter.on("event", listener);
    return () => this.emitter.off("event", listener);
  }

  /** Called once if the link goes away by itself; returns a function that unsubscribes. */
  onLost(listener: (error: LinkError) => void): () => void {
    if (this.closedBy !== undefined) {
      listener(this.closedBy);
      return () => {};
    }
    this.emitter.once("lost", listener);
    return () => this.emitter.off("lost", listener);
  }

  /** Sends a command by its schema name. A leading 0x00 flushes any partial frame the device holds. */
  async send(command: string, values: Record<string, unknown>): Promise<void> {
    const frame = encodeCommand(command, values, this.nextSeq);
    this.nextSeq = (this.nextSeq + 1) & 0xffff;
    const wire = new Uint8Array(frame.length + 1);
    wire.set(frame, 1);
    await this.link.write(wire);
  }

  /** Resolves with the first event that matches, or rejects after `timeoutMs` or a lost link.
   * A caller that stops waiting (its command could not be sent) leaves no unhandled rejection
   * behind: whoever awaits the promise still gets the error. */
  waitFor(
    match: (event: TimedEvent) => boolean,
    timeoutMs: number,
    what: string,
  ): Promise<TimedEvent> {
    const waiting = new Promise<TimedEvent>((resolve, reject) => {
      const finish = () => {
        clearTimeout(timer);
        offEvent();
        offLost();
      };
      const timer = setTimeout(() => {
        finish();
        reject(new TimeoutError(`no ${what} within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      const offEvent = this.onEvent((event) => {
        if (!match(event)) return;
        finish();
        resolve(event);
      });
      const offLost = this.onLost((error) => {
        finish();
        reject(error);
      });
    });
    waiting.catch(() => {});
    return waiting;
  }

  /** Round trip of a ping; resolves with the pong's event and the measured milliseconds. */
  async ping(nonce: number, timeoutMs = 5000): Promise<{ event: TimedEvent; ms: number }> {
    const started = performance.now();
    const pong = this.waitFor(
      (e) => e.kind === "pong" && e.fields.nonce === nonce,
      timeoutMs,
      `pong ${nonce}`,
    );
    await this.send("ping", { nonce });
    const event = await pong;
    return { event, ms: performance.now() - started };
  }
}
