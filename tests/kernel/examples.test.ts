/** The example agents of agents/examples, run on the simulated board as a user would deploy them. */
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { Cap } from "./sim/abi.ts";
import { Board } from "./sim/board.ts";
import { ensureBuilt, imageId } from "./sim/build.ts";

beforeAll(ensureBuilt, 120_000);

const logs = (board: Board, agent: number) =>
  board
    .eventsOf("log")
    .filter((e) => e.fields.agent === agent)
    .map((e) => String(e.fields.text));

const published = (board: Board, agent: number, topic: number) =>
  board.eventsOf("bus_event").filter((e) => e.fields.agent === agent && e.fields.topic === topic);

describe("example agents", () => {
  it("heartbeat: logs a numbered beat with its uptime and publishes it, once per period", () => {
    const board = new Board();
    const id = board.spawn("heartbeat", { caps: Cap.EVENTS_PUBLISH, arg0: 100, arg1: 5 });
    board.run(1_050_000);
    const lines = logs(board, id);
    expect(lines).toHaveLength(11);
    expect(lines[0]).toBe("heartbeat 1 at 0 ms");
    expect(lines[10]).toMatch(/^heartbeat 11 at 100\d ms$/);
    expect(published(board, id, 5).map((e) => e.fields.value)).toEqual(
      Array.from({ length: 11 }, (_, i) => i + 1),
    );
  });

  it("heartbeat: without EVENTS_PUBLISH it still logs, and the refused publishes are audited", () => {
    const board = new Board();
    const id = board.spawn("heartbeat", { arg0: 100 });
    board.run(250_000);
    expect(logs(board, id)).toHaveLength(3);
    expect(published(board, id, 1)).toEqual([]);
    expect(board.eventsOf("cap_denied").filter((e) => e.fields.agent === id)).toHaveLength(3);
  });

  it("sampler: takes its reservation, meets every deadline beside a CPU hog and reports averages", () => {
    const board = new Board();
    const id = board.spawn("sampler", {
      caps: Cap.REALTIME | Cap.EVENTS_PUBLISH,
      arg0: 1000,
      arg1: 10_000,
      arg2: 50,
    });
    board.spawn("spinner", { weight: 1000 });
    board.run(2_000_000);
    expect(board.eventsOf("sched_deadline_miss")).toEqual([]);
    const reports = published(board, id, 2);
    expect(reports.length).toBeGreaterThanOrEqual(3);
    for (const r of reports) {
      expect(Number(r.fields.value)).toBeGreaterThanOrEqual(0);
      expect(Number(r.fields.value)).toBeLessThanOrEqual(1015);
    }
    expect(logs(board, id)[0]).toMatch(/^sampler: job 50, average \d+$/);
  });

  it("sampler: a reservation admission refuses is logged and the sampler exits with that error", () => {
    const board = new Board();
    board.spawn("periodic", { caps: Cap.REALTIME, budget_us: 9000, period_us: 10_000, arg0: 100 });
    const id = board.spawn("sampler", { caps: Cap.REALTIME, arg0: 5000, arg1: 10_000 });
    board.run(100_000);
    expect(logs(board, id)[0]).toMatch(/^sampler: reservation refused, error \d+$/);
    expect(board.eventsOf("agent_exited").some((e) => e.fields.agent === id)).toBe(true);
  });

  it("producer and consumer: records pass through the shared region, announced on the bus, none lost or torn", () => {
    const board = new Board();
    const bus = Cap.EVENTS_PUBLISH | Cap.EVENTS_SUBSCRIBE;
    const consumer = board.spawn("consumer", { caps: bus, arg0: 10 });
    const producer = board.spawn("producer", { caps: bus | Cap.ALLOC_MEMORY, arg0: 20 });
    board.run(1_000_000);
    const ready = published(board, producer, 12).length;
    expect(ready).toBeGreaterThanOrEqual(45);
    expect(published(board, producer, 11).map((e) => e.fields.value)).toEqual([consumer]);
    const read = board.vm(consumer).call("recordsRead");
    expect(read).toBeGreaterThanOrEqual(ready - 2);
    expect(board.vm(consumer).call("recordsMismatched")).toBe(0);
    expect(published(board, consumer, 13).map((e) => [e.fields.value, e.fields.value2])).toEqual(
      Array.from({ length: Math.floor(read / 10) }, (_, i) => [(i + 1) * 10, 0]),
    );
    expect(logs(board, consumer).at(-1)).toMatch(
      /^consumer: read \d+0 records, missed 0, mismatched 0$/,
    );
  });

  it("producer and consumer: a consumer that starts later still gets its offer", () => {
    const board = new Board();
    const bus = Cap.EVENTS_PUBLISH | Cap.EVENTS_SUBSCRIBE;
    board.spawn("producer", { caps: bus | Cap.ALLOC_MEMORY, arg0: 20 });
    board.run(200_000);
    const consumer = board.spawn("consumer", { caps: bus, arg0: 10 });
    board.run(500_000);
    expect(board.vm(consumer).call("recordsRead")).toBeGreaterThanOrEqual(20);
    expect(board.vm(consumer).call("recordsMismatched")).toBe(0);
  });

  it("kvstore: a service that depends on another starts after it, stays healthy, and its start count survives a reset", () => {
    const board = new Board();
    const digest = createHash("sha256")
      .update(board.images.get(imageId("kvstore"))?.bytes ?? new Uint8Array())
      .digest("hex");
    const manifest = (service: number, key: number, deps: number) => ({
      service,
      image: imageId("kvstore"),
      deps,
      caps: Cap.ALLOC_MEMORY,
      restart: "always",
      max_restarts: 3,
      window_ms: 10_000,
      health_ms: 100,
      watchdog_ms: 200,
      escalation: "supervisor",
      critical: 1,
      weight: 100,
      arg0: key,
      arg1: 20,
      arg2: 0,
      arg3: 0,
      sha256: digest,
    });
    const deploy = (b: Board) => {
      expect(b.command("svc_register", manifest(1, 7, 0))).toBe(0);
      expect(b.command("svc_register", manifest(2, 8, 1 << 1))).toBe(0);
      expect(b.command("svc_start", { service: 255 })).toBe(0);
    };
    deploy(board);
    expect(board.eventsOf("svc_started").map((e) => e.fields.service)).toEqual([1, 2]);
    board.run(1_000_000);
    const health = board.eventsOf("svc_health");
    expect(health.length).toBeGreaterThanOrEqual(16);
    expect(health.every((e) => e.fields.healthy === 1)).toBe(true);
    expect(board.eventsOf("svc_failed")).toEqual([]);
    expect(board.eventsOf("svc_watchdog_expired")).toEqual([]);
    const starts = (b: Board) => b.eventsOf("log").map((e) => String(e.fields.text));
    expect(starts(board)).toEqual([
      "kvstore: start 1, work done before 0",
      "kvstore: start 1, work done before 0",
    ]);

    const rebooted = new Board({ flash: board.flash });
    deploy(rebooted);
    rebooted.run(100_000);
    for (const line of starts(rebooted))
      expect(line).toMatch(/^kvstore: start 2, work done before [1-9]\d+$/);
    expect(starts(rebooted)).toHaveLength(2);
  });
});
