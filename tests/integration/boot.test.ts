/**
 * Boots every emulated board and the native build, and talks to each through serialport over
 * its pty, exactly as to a board on a USB cable.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boardsDir, loadBoard } from "../../host-tools/src/boards.ts";
import type { TimedEvent } from "../../host-tools/src/monitor/format.ts";
import { encodeFrame } from "../../host-tools/src/protocol/frame.ts";
import { schema } from "../../host-tools/src/protocol/generated/schema.ts";
import { type BootedTarget, bootTarget } from "../support/targets.ts";

const boards = ["mps2-an385", "mps2-an386", "mps2-an500", "mps2-an505", "native", "raspi"];

/** The address the board's fault injection reads: one nothing decodes (board.json). */
function unmappedAddress(board: string): number {
  const description = JSON.parse(readFileSync(join(boardsDir, board, "board.json"), "utf8")) as {
    unmappedAddress: string;
  };
  return Number(description.unmappedAddress);
}

/** POSIX boards fault with signals, Cortex-M boards with exceptions. */
const isPosix = (board: string): boolean => loadBoard(board).hal === "posix";

describe.each(boards)("%s", (board) => {
  let booted: BootedTarget;
  const events: TimedEvent[] = [];

  beforeAll(async () => {
    booted = await bootTarget(board, (event) => events.push(event));
  });

  afterAll(async () => {
    await booted?.close();
  });

  /** The first event of `kind`, whether it already arrived or is still to come. */
  const first = (kind: string, timeoutMs: number): Promise<TimedEvent> => {
    const earlier = events.find((e) => e.kind === kind);
    return earlier
      ? Promise.resolve(earlier)
      : booted.channel.waitFor((e) => e.kind === kind, timeoutMs, kind);
  };

  it("announces its board, firmware version and a power-on reset at boot", async () => {
    const boot = await first("boot", 20_000);
    expect(boot.seq).toBe(0);
    expect(boot.fields).toMatchObject({
      board,
      firmware_version: "0.1.0",
      reset_cause: "power_on",
      protocol_version: 1,
    });
  });

  it("sends heartbeats about once a second with a growing uptime", async () => {
    while (events.filter((e) => e.kind === "heartbeat").length < 3) {
      await booted.channel.waitFor((e) => e.kind === "heartbeat", 5_000, "heartbeat");
    }
    const beats = events.filter((e) => e.kind === "heartbeat").slice(0, 3);
    expect(beats.map((e) => e.fields.count)).toEqual([1, 2, 3]);
    const [first, second, third] = beats.map((e) => Number(e.fields.uptime_us)) as [
      number,
      number,
      number,
    ];
    expect(second - first).toBeGreaterThan(900_000);
    expect(third - second).toBeLessThan(1_100_000);
    expect(booted.channel.decoder.stats).toMatchObject({ corrupt: 0, lost: 0, oversized: 0 });
  });

  it("answers a ping with a pong carrying the same nonce", async () => {
    const { event } = await booted.channel.ping(0xc0ffee01, 10_000);
    expect(event.fields.nonce).toBe(0xc0ffee01);
  });

  it("refuses an unknown command with an error event instead of crashing", async () => {
    const known = new Set(schema.commands.map((c) => c.id));
    const unknownType = [...Array(256).keys()].reverse().find((id) => !known.has(id)) ?? 255;
    const refusal = booted.channel.waitFor(
      (e) => e.kind === "command_error",
      10_000,
      "command_error",
    );
    await booted.channel.link.write(
      encodeFrame({
        type: unknownType,
        seq: 9,
        timestampUs: 0n,
        payload: new Uint8Array([1, 2, 3]),
      }),
    );
    const event = await refusal;
    expect(event.fields).toMatchObject({ command: unknownType, error: 4 });
    await booted.channel.ping(7, 10_000);
  });

  it("reports a real CPU fault with its decoded registers, then reboots with the fault as reset cause", async () => {
    const kind = isPosix(board) ? "sigsegv" : "bus_fault";
    const fault = booted.channel.waitFor((e) => e.kind === "fault", 10_000, "fault event");
    const reboot = booted.channel.waitFor((e) => e.kind === "boot", 20_000, "boot after the fault");
    await booted.channel.send("inject_fault", { kind });
    const report = await fault;
    expect(report.fields).toMatchObject({ kind, agent: 0, error: 32 });
    expect(report.fields.pc).not.toBe(0);
    if (isPosix(board)) {
      expect(report.fields.cfsr).toBe(11); // SIGSEGV
    } else {
      expect(report.fields.address).toBe(unmappedAddress(board));
      expect(Number(report.fields.cfsr) & 0x8200).toBe(0x8200); // PRECISERR and BFARVALID
    }
    const boot = await reboot;
    expect(boot.fields.reset_cause).toBe("fault");
    await booted.channel.ping(42, 10_000);
  });

  it("reports no sanitizer findings", () => {
    expect(booted.target.diagnostics()).not.toMatch(/AddressSanitizer|runtime error|LeakSanitizer/);
  });
});
