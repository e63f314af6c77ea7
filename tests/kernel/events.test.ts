import { beforeAll, describe, expect, it } from "vitest";
import { Cap, EventRecord, Subscribe, Sys } from "./sim/abi.ts";
import { Board } from "./sim/board.ts";
import { ensureBuilt } from "./sim/build.ts";
import { errorCode, frameType, schema } from "./sim/schema.ts";

beforeAll(ensureBuilt, 120_000);

const OUT = 0xe000;
const BUS_EVENT = frameType("bus_event");
const BUS = Cap.EVENTS_PUBLISH | Cap.EVENTS_SUBSCRIBE;

function self(board: Board, agent: number): number {
  return board.syscall(agent, Sys.CAP_SELF);
}

interface Polled {
  type: number;
  severity: number;
  agent: number;
  correlation: number;
  values: number[];
  time: bigint;
}

function poll(board: Board, agent: number, subscription: number): Polled | number {
  const type = board.syscall(agent, Sys.POLL, subscription, OUT);
  if (type < 0) return type;
  const view = new DataView(board.peek(agent, OUT, EventRecord.SIZE).buffer);
  return {
    type: view.getUint8(EventRecord.TYPE),
    severity: view.getUint8(EventRecord.SEVERITY),
    agent: view.getUint16(EventRecord.AGENT, true),
    correlation: view.getUint32(EventRecord.CORRELATION, true),
    values: [0, 1, 2, 3].map((i) => view.getUint32(EventRecord.VALUES + 4 * i, true)),
    time: view.getBigUint64(EventRecord.TIME, true),
  };
}

function drain(board: Board, agent: number, subscription: number): Polled[] {
  const out: Polled[] = [];
  for (
    let e = poll(board, agent, subscription);
    typeof e !== "number";
    e = poll(board, agent, subscription)
  )
    out.push(e);
  return out;
}

describe("event bus", () => {
  it("streams typed events from every subsystem to the host, each decodable by the schema", () => {
    const board = new Board();
    board.spawn("periodic", {
      caps: Cap.REALTIME | Cap.ALLOC_MEMORY,
      budget_us: 1000,
      period_us: 5000,
      arg0: 3000,
    });
    const agent = board.spawn("faulty", { caps: BUS | Cap.ALLOC_MEMORY, arg0: 5 });
    board.syscall(agent, Sys.MEM_CREATE, self(board, agent), 0, 64, 0);
    board.syscall(agent, Sys.PUBLISH, self(board, agent), 1, 2, 3);
    board.syscall(agent, Sys.CAP_INFO, 12345);
    board.command("svc_start", { service: 3 });
    board.run(100_000);
    const kinds = new Set(board.events.map((e) => e.kind));
    for (const kind of [
      "kernel_ready",
      "agent_spawned",
      "sched_admitted",
      "sched_overrun",
      "cap_granted",
      "cap_denied",
      "mem_region_created",
      "fault_handled",
      "bus_event",
      "error_raised",
      "command_error",
    ]) {
      expect(kinds).toContain(kind);
    }
    expect(board.events.filter((e) => e.payloadHex !== undefined)).toEqual([]);
  });

  it("filters a subscription by kind range, source agent and minimum severity", () => {
    const board = new Board();
    const listener = board.spawn("spinner", { caps: BUS });
    const a = board.spawn("spinner", { caps: BUS });
    const b = board.spawn("spinner", { caps: BUS });
    const fromA = board.syscall(
      listener,
      Sys.SUBSCRIBE,
      self(board, listener),
      BUS_EVENT,
      BUS_EVENT,
      a,
      0,
    );
    const serious = board.syscall(
      listener,
      Sys.SUBSCRIBE,
      self(board, listener),
      16,
      127,
      0,
      schema.enums.severity?.indexOf("error") ?? -1,
    );
    board.syscall(a, Sys.PUBLISH, self(board, a), 7, 100, 0);
    board.syscall(b, Sys.PUBLISH, self(board, b), 7, 200, 0);
    board.syscall(b, Sys.CAP_INFO, 999);
    board.fault(b, "usage_fault", 0);
    const got = drain(board, listener, fromA);
    expect(got.map((e) => [e.type, e.agent, e.values[0], e.values[1]])).toEqual([
      [BUS_EVENT, a, 7, 100],
    ]);
    const severe = drain(board, listener, serious);
    expect(severe.length).toBeGreaterThan(0);
    expect(severe.every((e) => e.severity >= 3)).toBe(true);
    expect(severe.map((e) => e.type)).toContain(frameType("fault_handled"));
  });

  it("hands an agent the same record the host sees, with type, severity, source, correlation, values and time", () => {
    const board = new Board();
    const listener = board.spawn("spinner", { caps: BUS });
    const sub = board.syscall(
      listener,
      Sys.SUBSCRIBE,
      self(board, listener),
      BUS_EVENT,
      BUS_EVENT,
      0,
      0,
    );
    board.run(1234);
    board.syscall(listener, Sys.CORRELATE, 4242);
    board.syscall(listener, Sys.PUBLISH, self(board, listener), 9, 8, 7);
    const host = board.eventsOf("bus_event")[0];
    const record = poll(board, listener, sub);
    expect(record).toEqual({
      type: BUS_EVENT,
      severity: 1,
      agent: listener,
      correlation: 4242,
      values: [9, 8, 7, 0],
      time: host?.deviceUs,
    });
    expect(host?.fields).toMatchObject({
      agent: listener,
      correlation: 4242,
      topic: 9,
      value: 8,
      value2: 7,
    });
  });

  it("bounds each queue: a full queue refuses the newest event, counts it, and tells the host once", () => {
    const board = new Board();
    const listener = board.spawn("spinner", { caps: BUS });
    const sub = board.syscall(
      listener,
      Sys.SUBSCRIBE,
      self(board, listener),
      BUS_EVENT,
      BUS_EVENT,
      0,
      0,
    );
    for (let i = 0; i < 20; i++)
      board.syscall(listener, Sys.PUBLISH, self(board, listener), 1, i, 0);
    expect(board.syscall(listener, Sys.DROPPED, sub)).toBe(4);
    expect(drain(board, listener, sub).map((e) => e.values[1])).toEqual([...Array(16).keys()]);
    expect(board.eventsOf("bus_dropped").map((e) => e.fields)).toEqual([
      expect.objectContaining({ agent: listener, subscription: sub, dropped: 1 }),
    ]);
    expect(board.syscall(listener, Sys.POLL, sub, OUT)).toBe(-errorCode("bus_empty"));
  });

  it("keeps the newest events instead when the subscriber asked to drop the oldest", () => {
    const board = new Board();
    const listener = board.spawn("spinner", { caps: BUS });
    const sub = board.syscall(
      listener,
      Sys.SUBSCRIBE,
      self(board, listener),
      BUS_EVENT,
      BUS_EVENT,
      0,
      Subscribe.DROP_OLDEST,
    );
    for (let i = 0; i < 20; i++)
      board.syscall(listener, Sys.PUBLISH, self(board, listener), 1, i, 0);
    expect(drain(board, listener, sub).map((e) => e.values[1])).toEqual(
      [...Array(16).keys()].map((i) => i + 4),
    );
    expect(board.syscall(listener, Sys.DROPPED, sub)).toBe(4);
  });

  it("wakes an agent waiting on its subscription when a matching event arrives", () => {
    const board = new Board();
    const subscriber = board.spawn("chatter", {
      caps: BUS,
      arg0: 1,
      arg1: BUS_EVENT,
      arg2: BUS_EVENT,
    });
    const publisher = board.spawn("chatter", { caps: BUS, arg0: 0, arg1: 5, arg2: 10_000 });
    board.run(1_000_000);
    const published = board.vm(publisher).call("eventsPublished");
    expect(published).toBeGreaterThanOrEqual(99);
    expect(board.vm(subscriber).call("eventsReceived")).toBe(published);
    expect(board.vm(subscriber).call("lastEventValue")).toBe(published - 1);
    // Between events the subscriber is parked, not polling: it ran about once per event.
    expect(board.slices.filter((s) => s.agent === subscriber).length).toBeLessThanOrEqual(
      published + 2,
    );
  });

  it("streams to the host only what passes its severity filter, while subscribers still get everything", () => {
    const board = new Board();
    const listener = board.spawn("spinner", { caps: BUS });
    const sub = board.syscall(listener, Sys.SUBSCRIBE, self(board, listener), 16, 127, 0, 0);
    expect(board.command("stream_filter", { min_severity: "warning" })).toBe(0);
    const before = board.events.length;
    board.spawn("spinner");
    board.syscall(listener, Sys.CAP_INFO, 4321);
    const streamed = board.events.slice(before).map((e) => e.kind);
    expect(streamed).not.toContain("agent_spawned");
    expect(streamed).toContain("cap_denied");
    expect(drain(board, listener, sub).map((e) => e.type)).toContain(frameType("agent_spawned"));
  });

  it("reports bus statistics on demand", () => {
    const board = new Board();
    const listener = board.spawn("spinner", { caps: BUS });
    const sub = board.syscall(
      listener,
      Sys.SUBSCRIBE,
      self(board, listener),
      BUS_EVENT,
      BUS_EVENT,
      0,
      0,
    );
    for (let i = 0; i < 18; i++)
      board.syscall(listener, Sys.PUBLISH, self(board, listener), 1, i, 0);
    board.command("stats_request", { what: "bus" });
    const stats = board.eventsOf("bus_stats")[0]?.fields;
    expect(stats).toMatchObject({ delivered: 16, dropped: 2, subscriptions: 1 });
    expect(Number(stats?.published)).toBe(board.events.length - 1);
    expect(board.syscall(listener, Sys.UNSUBSCRIBE, sub)).toBe(0);
    expect(board.syscall(listener, Sys.POLL, sub, OUT)).toBe(
      -errorCode("bus_subscription_invalid"),
    );
  });
});
