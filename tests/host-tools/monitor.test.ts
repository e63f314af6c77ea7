/** `aios monitor` logic against @serialport/binding-mock: a port that a test feeds bytes into. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  DeviceFaultError,
  LinkError,
  TimeoutError,
  UsageError,
} from "../../host-tools/src/errors.ts";
import { monitorChannel } from "../../host-tools/src/monitor/monitor.ts";
import { encodeFrame } from "../../host-tools/src/protocol/frame.ts";
import { schema } from "../../host-tools/src/protocol/generated/schema.ts";
import { ByteWriter } from "../../host-tools/src/protocol/wire.ts";
import { DeviceChannel } from "../../host-tools/src/transport/channel.ts";
import {
  type MockDevice,
  openMockSerial,
  resetMockPorts,
} from "../../host-tools/src/transport/mock.ts";
import { openSerial, type SerialLink } from "../../host-tools/src/transport/serial.ts";

function heartbeat(seq: number, count: number): Uint8Array {
  const w = new ByteWriter();
  w.varuint(BigInt(count) * 1_000_000n);
  w.u32(count);
  return encodeFrame({ type: 2, seq, timestampUs: BigInt(count) * 1_000_000n, payload: w.bytes() });
}

function bootFrame(): Uint8Array {
  const w = new ByteWriter();
  w.span(new TextEncoder().encode("mock-board"));
  w.span(new TextEncoder().encode("9.9.9"));
  w.u8(3);
  w.u8(1);
  return encodeFrame({ type: 1, seq: 0, timestampUs: 10n, payload: w.bytes() });
}

function faultFrame(seq: number): Uint8Array {
  const w = new ByteWriter();
  w.u8(2);
  w.u16(0);
  for (const value of [0x1234, 0x5678, 0x01000000, 0x8200, 0, 0x30000000]) w.u32(value);
  w.u16(32);
  return encodeFrame({ type: 4, seq, timestampUs: 99n, payload: w.bytes() });
}

describe("monitor over a mock serial port", () => {
  let link: SerialLink;
  let device: MockDevice;
  let channel: DeviceChannel;
  let lines: string[];

  /** Delivers bytes as the device would: a little after the monitor starts listening. */
  const deviceSends = (bytes: Uint8Array) => setTimeout(() => device.send(bytes), 5);

  beforeEach(async () => {
    ({ link, device } = await openMockSerial("/dev/aios-mock"));
    channel = new DeviceChannel(link);
    lines = [];
  });

  afterEach(async () => {
    await link.close();
    resetMockPorts();
  });

  const options = (extra: object) => ({
    json: true,
    colour: false,
    out: (l: string) => lines.push(l),
    ...extra,
  });

  it("prints a schema line, then one NDJSON object per event, until the awaited kind", async () => {
    deviceSends(Buffer.concat([bootFrame(), heartbeat(1, 1)]));
    const summary = await monitorChannel(
      channel,
      options({ until: "heartbeat", timeoutSeconds: 5 }),
    );
    expect(summary.reason).toBe("until");
    const [schema, boot, beat] = lines.map((l) => JSON.parse(l));
    expect(schema).toMatchObject({ schema: "aios-monitor", version: 1, protocol: 1 });
    expect(boot).toMatchObject({
      kind: "boot",
      seq: 0,
      device_us: 10,
      fields: { board: "mock-board", reset_cause: "watchdog" },
    });
    expect(beat).toMatchObject({ kind: "heartbeat", fields: { count: 1, uptime_us: 1_000_000 } });
    expect(Date.parse(beat.host_time)).not.toBeNaN();
  });

  it("times out with a TimeoutError when the awaited kind never comes", async () => {
    deviceSends(bootFrame());
    const summary = await monitorChannel(channel, options({ until: "pong", timeoutSeconds: 0.2 }));
    expect(summary.error).toBeInstanceOf(TimeoutError);
    expect(summary.events).toEqual({ boot: 1 });
  });

  it("ends a wait with a DeviceFaultError when the device faults", async () => {
    deviceSends(Buffer.concat([bootFrame(), faultFrame(1)]));
    const summary = await monitorChannel(
      channel,
      options({ until: "heartbeat", timeoutSeconds: 5 }),
    );
    expect(summary.error).toBeInstanceOf(DeviceFaultError);
    expect(JSON.parse(lines.at(-1) ?? "{}")).toMatchObject({
      kind: "fault",
      fields: { kind: "bus_fault", address: 0x30000000 },
    });
  });

  it("reports damaged input as lost frames and still decodes the rest", async () => {
    const damaged = Uint8Array.from(heartbeat(2, 2));
    damaged[4] = (damaged[4] ?? 0) ^ 0x40;
    deviceSends(
      Buffer.concat([
        bootFrame(),
        heartbeat(1, 1),
        damaged,
        Buffer.from([7, 7, 7, 0]),
        heartbeat(3, 3),
      ]),
    );
    const summary = await monitorChannel(channel, options({ timeoutSeconds: 0.3 }));
    expect(summary.reason).toBe("timeout");
    expect(summary.events).toEqual({ boot: 1, heartbeat: 2 });
    expect(summary.stats).toMatchObject({ lost: 1, corrupt: 2 });
  });

  it("prints human lines with the device timestamp and decoded fields", async () => {
    deviceSends(bootFrame());
    await monitorChannel(channel, {
      json: false,
      colour: false,
      out: (l) => lines.push(l),
      until: "boot",
      timeoutSeconds: 5,
    });
    expect(lines[0]).toMatch(
      /\[\s+0\.000010\] boot\s+board=mock-board firmware_version=9\.9\.9 reset_cause=watchdog/,
    );
  });

  it("shows a type it does not know with its raw payload instead of dropping it", async () => {
    const known = new Set(schema.events.map((e) => e.id));
    const unknownType = [...Array(128).keys()].reverse().find((id) => !known.has(id)) ?? 0;
    deviceSends(
      encodeFrame({
        type: unknownType,
        seq: 0,
        timestampUs: 1n,
        payload: Uint8Array.of(0xab, 0xcd),
      }),
    );
    await monitorChannel(channel, options({ timeoutSeconds: 0.2 }));
    expect(JSON.parse(lines[1] ?? "{}")).toMatchObject({ kind: "unknown", payload_hex: "abcd" });
  });

  it("rejects an unknown --until kind with the list of known kinds", () => {
    expect(() => monitorChannel(channel, options({ until: "hearbeat" }))).toThrow(UsageError);
    expect(() => monitorChannel(channel, options({ until: "hearbeat" }))).toThrow(
      /Known kinds: boot, heartbeat/,
    );
  });

  it("sends a ping frame the device can decode", async () => {
    await channel.send("ping", { nonce: 0xdeadbeef });
    const written = device.received();
    expect(written[0]).toBe(0);
    const { FrameDecoder } = await import("../../host-tools/src/protocol/decoder.ts");
    const [frame] = [...new FrameDecoder().feed(written)];
    expect(frame).toMatchObject({ type: 128, payload: Uint8Array.of(0xef, 0xbe, 0xad, 0xde) });
  });

  it("fails with a LinkError when the port goes away", async () => {
    setTimeout(() => device.unplug(), 10);
    const summary = await monitorChannel(channel, options({ timeoutSeconds: 5 }));
    expect(summary.error).toBeInstanceOf(LinkError);
  });
});

describe("opening a port", () => {
  it("fails with a LinkError that names the port and the fix", async () => {
    await expect(openSerial("/dev/does-not-exist")).rejects.toThrow(
      /cannot open serial port \/dev\/does-not-exist.*aios ports/,
    );
  });
});
