import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { Cap, Sys } from "./sim/abi.ts";
import { Board } from "./sim/board.ts";
import { ensureBuilt, imageId } from "./sim/build.ts";
import { enumValue, errorCode } from "./sim/schema.ts";

beforeAll(ensureBuilt, 120_000);

const ALL = 255;
const HEALTHY = 0;
const STOPS_KICKING = 1;
const UNHEALTHY = 2;
const EXITS = 3;
const TRAPS = 4;

interface Manifest {
  deps?: number[];
  caps?: number;
  restart?: "never" | "on_failure" | "always";
  maxRestarts?: number;
  windowMs?: number;
  healthMs?: number;
  watchdogMs?: number;
  escalation?: string;
  critical?: boolean;
  mode?: number;
  after?: number;
  code?: number;
  sleepUs?: number;
  sha256?: string;
}

function register(board: Board, service: number, m: Manifest = {}): number {
  const image = imageId("service");
  const digest = createHash("sha256")
    .update(board.images.get(image)?.bytes ?? new Uint8Array())
    .digest("hex");
  return board.command("svc_register", {
    service,
    image,
    deps: (m.deps ?? []).reduce((mask, d) => mask | (1 << d), 0),
    caps: m.caps ?? Cap.EVENTS_PUBLISH,
    restart: m.restart ?? "on_failure",
    max_restarts: m.maxRestarts ?? 3,
    window_ms: m.windowMs ?? 10_000,
    health_ms: m.healthMs ?? 0,
    watchdog_ms: m.watchdogMs ?? 0,
    escalation: m.escalation ?? "supervisor",
    critical: m.critical ? 1 : 0,
    weight: 100,
    arg0: m.mode ?? HEALTHY,
    arg1: m.after ?? 0,
    arg2: m.code ?? 0,
    arg3: m.sleepUs ?? 0,
    sha256: m.sha256 ?? digest,
  });
}

const started = (board: Board) =>
  board.eventsOf("svc_started").map((e) => Number(e.fields.service));
const agentOf = (board: Board, service: number) =>
  Number(
    board
      .eventsOf("svc_started")
      .filter((e) => e.fields.service === service)
      .at(-1)?.fields.agent,
  );

describe("services (initd)", () => {
  it("starts services after what they depend on and stops them before it", () => {
    const board = new Board();
    const deps: Record<number, number[]> = { 0: [1, 2], 1: [2], 2: [], 3: [0] };
    for (const [s, d] of Object.entries(deps))
      expect(register(board, Number(s), { deps: d })).toBe(0);
    expect(board.command("svc_start", { service: ALL })).toBe(0);
    const order = started(board);
    expect(order.sort()).toEqual([0, 1, 2, 3]);
    for (const [s, d] of Object.entries(deps)) {
      for (const dep of d)
        expect(started(board).indexOf(dep)).toBeLessThan(started(board).indexOf(Number(s)));
    }
    board.run(50_000);
    expect(board.command("svc_stop", { service: ALL })).toBe(0);
    const stopped = board.eventsOf("svc_stopped").map((e) => Number(e.fields.service));
    expect(stopped.sort()).toEqual([0, 1, 2, 3]);
    const stopOrder = board.eventsOf("svc_stopped").map((e) => Number(e.fields.service));
    for (const [s, d] of Object.entries(deps)) {
      for (const dep of d)
        expect(stopOrder.indexOf(Number(s))).toBeLessThan(stopOrder.indexOf(dep));
    }
    expect(board.vms.size).toBe(0);
  });

  it("starts a service's dependencies when it alone is asked for", () => {
    const board = new Board();
    register(board, 4, { deps: [5] });
    register(board, 5);
    register(board, 6);
    expect(board.command("svc_start", { service: 4 })).toBe(0);
    expect(started(board)).toEqual([5, 4]);
  });

  it("refuses to start an image whose SHA-256 does not match its manifest, and what depends on it", () => {
    const board = new Board();
    register(board, 0, { sha256: "00".repeat(32) });
    register(board, 1, { deps: [0] });
    expect(board.command("svc_start", { service: 1 })).toBe(-errorCode("svc_dependency_failed"));
    expect(board.eventsOf("svc_attested")[0]?.fields).toMatchObject({
      service: 0,
      image: imageId("service"),
      ok: 0,
    });
    expect(board.eventsOf("svc_failed").map((e) => [e.fields.service, e.fields.error])).toEqual([
      [0, errorCode("svc_attestation_failed")],
      [1, errorCode("svc_dependency_failed")],
    ]);
    expect(board.vms.size).toBe(0);
    register(board, 0);
    expect(board.command("svc_start", { service: 1 })).toBe(0);
    expect(board.eventsOf("svc_attested").map((e) => e.fields.ok)).toEqual([0, 1, 1]);
  });

  it("grants a service exactly the capabilities its manifest requires, and refuses ones initd may not grant", () => {
    const board = new Board();
    register(board, 0, { caps: Cap.EVENTS_PUBLISH | Cap.ALLOC_MEMORY });
    register(board, 1, { caps: Cap.SUPERVISOR });
    expect(board.command("svc_start", { service: 0 })).toBe(0);
    const agent = agentOf(board, 0);
    expect(board.syscall(agent, Sys.CAP_INFO, board.syscall(agent, Sys.CAP_SELF))).toBe(
      Cap.EVENTS_PUBLISH | Cap.ALLOC_MEMORY,
    );
    expect(board.command("svc_start", { service: 1 })).toBe(-errorCode("svc_caps_insufficient"));
  });

  it("refuses manifests whose dependencies form a cycle", () => {
    const board = new Board();
    register(board, 0, { deps: [1] });
    register(board, 1, { deps: [2] });
    register(board, 2, { deps: [0] });
    register(board, 3);
    expect(board.command("svc_start", { service: ALL })).toBe(-errorCode("svc_dependency_cycle"));
    expect(started(board)).toEqual([3]);
  });

  it("restarts on failure but not after a clean exit under on-failure", () => {
    const board = new Board();
    register(board, 0, { restart: "on_failure", mode: TRAPS, after: 2 });
    register(board, 1, { restart: "on_failure", mode: EXITS, after: 2, code: 0 });
    board.command("svc_start", { service: ALL });
    board.run(200_000);
    expect(started(board).filter((s) => s === 0).length).toBeGreaterThanOrEqual(3);
    expect(board.eventsOf("svc_failed")[0]?.fields).toMatchObject({
      service: 0,
      error: errorCode("vm_trap_unreachable"),
    });
    expect(started(board).filter((s) => s === 1)).toHaveLength(1);
    expect(board.eventsOf("svc_stopped").map((e) => [e.fields.service, e.fields.reason])).toEqual(
      [[1, "exited"]].map(([s]) => [s, enumValue("stop_reason", "exited")]),
    );
  });

  it("restarts even after a clean exit under always, and never under never", () => {
    const board = new Board();
    register(board, 0, { restart: "always", mode: EXITS, after: 1, code: 0 });
    register(board, 1, { restart: "never", mode: TRAPS, after: 1 });
    board.command("svc_start", { service: ALL });
    board.run(300_000);
    expect(started(board).filter((s) => s === 0).length).toBeGreaterThanOrEqual(3);
    expect(started(board).filter((s) => s === 1)).toHaveLength(1);
    expect(board.eventsOf("svc_restarting").every((e) => e.fields.service === 0)).toBe(true);
  });

  it("doubles the restart delay and escalates past the intensity limit, stopping what depends on the service", () => {
    const board = new Board();
    register(board, 0, { restart: "always", maxRestarts: 2, mode: TRAPS, after: 1 });
    register(board, 1, { deps: [0] });
    board.command("svc_start", { service: ALL });
    board.run(1_000_000);
    expect(
      board.eventsOf("svc_restarting").map((e) => [e.fields.restarts, e.fields.delay_us]),
    ).toEqual([
      [1, 50_000],
      [2, 100_000],
    ]);
    expect(board.eventsOf("svc_escalated")[0]?.fields).toMatchObject({
      service: 0,
      escalation: enumValue("escalation", "supervisor"),
    });
    expect(board.eventsOf("svc_stopped").map((e) => [e.fields.service, e.fields.reason])).toEqual([
      [1, enumValue("stop_reason", "dependency")],
    ]);
    expect(started(board).filter((s) => s === 0)).toHaveLength(3);
  });

  it("resets the board when a service whose escalation is board_reset exceeds its intensity", () => {
    const board = new Board();
    register(board, 0, {
      restart: "always",
      maxRestarts: 0,
      escalation: "board_reset",
      mode: TRAPS,
      after: 1,
    });
    board.command("svc_start", { service: 0 });
    board.run(100_000);
    expect(board.resets).toEqual([enumValue("reset_cause", "software")]);
  });

  it("probes health periodically and fails a service that answers unhealthy", () => {
    const board = new Board();
    register(board, 0, { healthMs: 50, mode: UNHEALTHY, after: 20, restart: "never" });
    board.command("svc_start", { service: 0 });
    board.run(1_000_000);
    const health = board.eventsOf("svc_health").map((e) => e.fields.healthy);
    expect(health.slice(0, 3)).toEqual([1, 1, 1]);
    expect(health.at(-1)).toBe(0);
    expect(board.eventsOf("svc_failed")[0]?.fields).toMatchObject({
      service: 0,
      error: errorCode("svc_health_failed"),
    });
    expect(board.vms.size).toBe(0);
  });

  it("fails a service that does not answer a health probe in time", () => {
    const board = new Board();
    register(board, 0, { healthMs: 30, sleepUs: 200_000, restart: "never" });
    board.command("svc_start", { service: 0 });
    board.run(200_000);
    expect(board.eventsOf("svc_health")[0]?.fields).toMatchObject({ service: 0, healthy: 0 });
    expect(Number(board.eventsOf("svc_health")[0]?.deviceUs)).toBe(30_000 + 50_000);
    expect(board.eventsOf("svc_failed")[0]?.fields).toMatchObject({
      error: errorCode("svc_health_failed"),
    });
  });

  it("checks a service's health on demand", () => {
    const board = new Board();
    register(board, 0);
    board.command("svc_start", { service: 0 });
    expect(board.command("svc_check", { service: 0 })).toBe(0);
    board.run(20_000);
    expect(board.eventsOf("svc_health").map((e) => e.fields.healthy)).toEqual([1]);
    expect(board.command("svc_check", { service: 9 })).toBe(-errorCode("svc_invalid"));
  });

  it("restarts a service that stops kicking its software watchdog", () => {
    const board = new Board();
    register(board, 0, { watchdogMs: 30, mode: STOPS_KICKING, after: 3 });
    board.command("svc_start", { service: 0 });
    board.run(200_000);
    const expired = board.eventsOf("svc_watchdog_expired")[0];
    expect(expired?.fields).toMatchObject({ service: 0, timeout_us: 30_000 });
    expect(board.eventsOf("svc_failed")[0]?.fields).toMatchObject({
      error: errorCode("svc_watchdog_expired"),
    });
    expect(board.eventsOf("svc_restarting")[0]?.fields).toMatchObject({ service: 0 });
  });

  it("lets an agent holding SERVICES start, check and stop services, but not stop itself mid-step", () => {
    const board = new Board();
    register(board, 0);
    register(board, 1, { deps: [0], caps: Cap.SERVICES });
    const supervisor = board.spawn("spinner", { caps: Cap.SERVICES });
    const plain = board.spawn("spinner");
    const cap = board.syscall(supervisor, Sys.CAP_SELF);
    expect(board.syscall(plain, Sys.SVC_CONTROL, board.syscall(plain, Sys.CAP_SELF), 1, 0)).toBe(
      -errorCode("cap_denied"),
    );
    expect(board.syscall(supervisor, Sys.SVC_CONTROL, cap, 1, 0)).toBe(0);
    expect(started(board)).toEqual([0, 1]);
    expect(board.syscall(supervisor, Sys.SVC_CONTROL, cap, 1, 2)).toBe(0);
    const service1 = agentOf(board, 1);
    expect(
      board.syscall(service1, Sys.SVC_CONTROL, board.syscall(service1, Sys.CAP_SELF), 0, 1),
    ).toBe(-errorCode("system_busy"));
    expect(board.syscall(supervisor, Sys.SVC_CONTROL, cap, 0, 1)).toBe(0);
    expect(board.eventsOf("svc_stopped").map((e) => e.fields.service)).toEqual([1, 0]);
  });

  it("feeds the hardware watchdog at least every 100 ms while the kernel ticks", () => {
    const board = new Board();
    register(board, 0);
    board.command("svc_start", { service: 0 });
    board.run(1_000_000);
    const gaps = board.feeds.slice(1).map((t, i) => t - (board.feeds[i] ?? 0));
    expect(board.feeds.length).toBeGreaterThanOrEqual(10);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(100_000);
  });

  const withheld = (board: Board) =>
    board.eventsOf("svc_watchdog_withheld").map((e) => [e.fields.service, e.fields.feeding]);

  it("stops feeding the hardware watchdog while a critical service is down, and resumes when it is back", () => {
    const board = new Board();
    register(board, 0, { critical: true, restart: "never", mode: TRAPS, after: 3 });
    register(board, 1);
    board.command("svc_start", { service: ALL });
    board.run(1_000_000);
    const down = Number(board.eventsOf("svc_failed")[0]?.deviceUs);
    expect(down).toBeGreaterThan(0);
    expect(withheld(board)).toEqual([[0, 0]]);
    expect(board.feeds.filter((t) => t > down)).toEqual([]);

    register(board, 0, { critical: true });
    board.command("svc_start", { service: 0 });
    const back = board.now;
    board.run(500_000);
    expect(withheld(board)).toEqual([
      [0, 0],
      [0, 1],
    ]);
    expect(board.feeds.filter((t) => t >= back).length).toBeGreaterThanOrEqual(5);
  });

  it("withholds the watchdog when a critical service escalates after its restart intensity", () => {
    const board = new Board();
    register(board, 0, {
      critical: true,
      restart: "always",
      maxRestarts: 2,
      mode: TRAPS,
      after: 1,
    });
    board.command("svc_start", { service: 0 });
    board.run(2_000_000);
    const escalated = Number(board.eventsOf("svc_escalated")[0]?.deviceUs);
    // Restarts within the intensity limit are recovery, not failure: feeding goes on until then.
    expect(board.feeds.some((t) => t > 100_000 && t < escalated)).toBe(true);
    expect(board.feeds.filter((t) => t > escalated)).toEqual([]);
    expect(withheld(board)).toEqual([[0, 0]]);
  });

  it("keeps feeding while only non-critical services are down or a critical one was stopped on request", () => {
    const board = new Board();
    register(board, 0, { restart: "never", mode: TRAPS, after: 1 });
    register(board, 1, { critical: true });
    board.command("svc_start", { service: ALL });
    board.run(300_000);
    board.command("svc_stop", { service: 1 });
    const stopped = board.now;
    board.run(500_000);
    expect(board.eventsOf("svc_failed").map((e) => e.fields.service)).toEqual([0]);
    expect(withheld(board)).toEqual([]);
    expect(board.feeds.filter((t) => t > stopped).length).toBeGreaterThanOrEqual(5);
  });
});
