/**
 * kernel.wasm on the device: booted by firmware/core in our VM, driven over serialport with
 * kernel commands, its events decoded on the host. The same checks run on the emulated
 * Cortex-M4 board and on the native build.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentStats, CommandRefusedError, spawnAgent } from "../../host-tools/src/agent/control.ts";
import type { TimedEvent } from "../../host-tools/src/monitor/format.ts";
import { type BootedTarget, bootTarget } from "../support/targets.ts";

describe.each(["mps2-an386", "native"])("kernel on %s", (board) => {
  let booted: BootedTarget;
  const events: TimedEvent[] = [];
  const seen = (kind: string, match: (e: TimedEvent) => boolean = () => true) =>
    events.find((e) => e.kind === kind && match(e)) ??
    booted.channel.waitFor((e) => e.kind === kind && match(e), 20_000, kind);

  beforeAll(async () => {
    booted = await bootTarget(board, (event) => events.push(event));
  });

  afterAll(async () => {
    await booted?.close();
  });

  it("boots kernel.wasm in the VM and announces it ready", async () => {
    const ready = await seen("kernel_ready");
    expect(ready.fields).toMatchObject({ max_agents: 16 });
    expect(events.filter((e) => e.kind === "log" && e.severity === "critical")).toEqual([]);
  });

  it("spawns agents that run and are charged CPU", async () => {
    const spinner = await spawnAgent(booted.channel, { image: "spinner" });
    const second = await spawnAgent(booted.channel, { image: "spinner", weight: 300 });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const stats = await agentStats(booted.channel);
    const [a, b] = [stats.find((s) => s.agent === spinner), stats.find((s) => s.agent === second)];
    expect(a?.steps).toBeGreaterThan(0);
    expect(b?.cpuFuel).toBeGreaterThan(a?.cpuFuel ?? Number.POSITIVE_INFINITY);
  });

  it("hands an agent's VM trap to its fault policy and keeps the others running", async () => {
    const before = (await agentStats(booted.channel)).reduce((sum, s) => sum + s.steps, 0);
    // faulty: 3 healthy steps, then an integer division by zero, restarted with backoff.
    const faulty = await spawnAgent(booted.channel, { image: "faulty", args: [3, 1] });
    const handled = await seen("fault_handled", (e) => e.fields.agent === faulty);
    expect(handled.fields).toMatchObject({ kind: 6, error: 24 });
    await seen("agent_restarted", (e) => e.fields.agent === faulty);
    const quarantined = await seen("agent_quarantined", (e) => e.fields.agent === faulty);
    expect(quarantined.fields.error).toBe(24);
    const after = (await agentStats(booted.channel)).reduce((sum, s) => sum + s.steps, 0);
    expect(after).toBeGreaterThan(before);
    await booted.channel.ping(99, 10_000);
  });

  it("streams each slice an agent runs while tracing is on", async () => {
    await booted.channel.send("trace_control", { enable: 1 });
    const slice = await booted.channel.waitFor((e) => e.kind === "slice", 10_000, "slice event");
    await booted.channel.send("trace_control", { enable: 0 });
    expect(Number(slice.fields.agent)).toBeGreaterThan(0);
    expect(Number(slice.fields.fuel)).toBeGreaterThan(0);
    expect(["step_done", "preempted", "trapped"]).toContain(slice.fields.end);
  });

  it("refuses a spawn of an image it does not have, with the command's correlation id", async () => {
    await expect(spawnAgent(booted.channel, { image: 200 })).rejects.toBeInstanceOf(
      CommandRefusedError,
    );
    await booted.channel.ping(100, 10_000);
  });

  it("keeps its heartbeat and reports no sanitizer findings", async () => {
    const beats = events.filter((e) => e.kind === "heartbeat").length;
    await booted.channel.waitFor((e) => e.kind === "heartbeat", 5_000, "heartbeat");
    expect(events.filter((e) => e.kind === "heartbeat").length).toBeGreaterThan(beats);
    expect(booted.target.diagnostics()).not.toMatch(/AddressSanitizer|runtime error|LeakSanitizer/);
  });
});
