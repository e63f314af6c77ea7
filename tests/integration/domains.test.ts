/**
 * Hardware-backed fault domains: native code acting for one agent (the VM interpreting it)
 * runs fenced to that agent's own slot (the MPU on Cortex-M, mprotect on POSIX). A test hook
 * (inject_agent_fault) makes that code write where it must not; only that agent is stopped and
 * restarted by its fault policy, the others keep running, the host decodes a `fault` event with
 * the faulting PC and address, and the board does not reset. Last, the same hook overflows the
 * kernel's own stack, which nothing smaller than the board contains: the guard turns it into a
 * reported fault and a reset.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentStats, spawnAgent } from "../../host-tools/src/agent/control.ts";
import { loadBoard } from "../../host-tools/src/boards.ts";
import type { TimedEvent } from "../../host-tools/src/monitor/format.ts";
import { schema } from "../../host-tools/src/protocol/generated/schema.ts";
import { type BootedTarget, bootTarget } from "../support/targets.ts";

const boards = ["mps2-an385", "mps2-an386", "mps2-an500", "mps2-an505", "native", "raspi"];

const isPosix = (board: string): boolean => loadBoard(board).hal === "posix";
const faultKinds = schema.enums.fault_kind as readonly string[];
/** CFSR bits: MemManage data access violation with a valid MMFAR. */
const DACCVIOL_MMARVALID = 0x82;

describe.each(boards)("fault domains on %s", (board) => {
  let booted: BootedTarget;
  const events: TimedEvent[] = [];
  const spinners: number[] = [];
  const seen = (kind: string, match: (e: TimedEvent) => boolean = () => true) =>
    events.find((e) => e.kind === kind && match(e)) ??
    booted.channel.waitFor((e) => e.kind === kind && match(e), 20_000, kind);
  const cpuFault = isPosix(board) ? "sigsegv" : "mem_manage";

  const stepsOf = async (agents: number[]): Promise<number[]> => {
    const stats = await agentStats(booted.channel);
    return agents.map((id) => stats.find((s) => s.agent === id)?.steps ?? 0);
  };

  /** Arms the hook for `victim`, waits for the fault it causes; returns [armed, fault]. */
  const inject = async (victim: number, target: string): Promise<[TimedEvent, TimedEvent]> => {
    const armed = booted.channel.waitFor(
      (e) => e.kind === "fault_injection" && e.fields.agent === victim,
      10_000,
      "fault_injection",
    );
    const fault = booted.channel.waitFor(
      (e) => e.kind === "fault" && e.fields.agent === victim,
      10_000,
      "fault of the victim",
    );
    await booted.channel.send("inject_agent_fault", { agent: victim, target });
    return [await armed, await fault];
  };

  /** The victim is handed to its policy alone: the others keep stepping, the heartbeat goes
   * on, nobody reboots. */
  const containedTo = async (victim: number): Promise<void> => {
    const handled = await seen(
      "fault_handled",
      (e) => e.fields.agent === victim && e.fields.kind === faultKinds.indexOf(cpuFault),
    );
    expect(handled.fields.error).toBe(32); // fault_cpu
    await seen("agent_restarted", (e) => e.fields.agent === victim);
    const before = await stepsOf(spinners);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const after = await stepsOf(spinners);
    after.forEach((steps, i) => {
      expect(steps).toBeGreaterThan(before[i] ?? Number.POSITIVE_INFINITY);
    });
    const beats = events.filter((e) => e.kind === "heartbeat").length;
    await booted.channel.waitFor((e) => e.kind === "heartbeat", 5_000, "heartbeat");
    expect(events.filter((e) => e.kind === "heartbeat").length).toBeGreaterThan(beats);
    expect(events.filter((e) => e.kind === "boot")).toHaveLength(1);
  };

  beforeAll(async () => {
    booted = await bootTarget(board, (event) => events.push(event));
    await seen("kernel_ready");
    spinners.push(await spawnAgent(booted.channel, { image: "spinner" }));
    spinners.push(await spawnAgent(booted.channel, { image: "spinner" }));
  });

  afterAll(async () => {
    await booted?.close();
  });

  it("runs agents in hardware fault domains", () => {
    expect(
      events.filter((e) => e.kind === "log" && /fault domains/.test(String(e.fields.text))),
    ).toEqual([]);
  });

  it("stops only the agent whose native code writes into another agent's slot", async () => {
    const victim = await spawnAgent(booted.channel, { image: "spinner" });
    const [armed, fault] = await inject(victim, "other_agent");
    expect(armed.fields.address).not.toBe(0);
    expect(fault.fields).toMatchObject({ kind: cpuFault, error: 32 });
    expect(fault.fields.pc).not.toBe(0);
    expect(fault.fields.address).toBe(armed.fields.address);
    if (!isPosix(board)) {
      expect(Number(fault.fields.cfsr) & DACCVIOL_MMARVALID).toBe(DACCVIOL_MMARVALID);
    }
    await containedTo(victim);
  });

  it("stops only the agent whose native code writes into the kernel's records", async () => {
    const victim = await spawnAgent(booted.channel, { image: "spinner" });
    const [armed, fault] = await inject(victim, "kernel");
    expect(fault.fields).toMatchObject({ kind: cpuFault, error: 32 });
    expect(fault.fields.pc).not.toBe(0);
    expect(fault.fields.address).toBe(armed.fields.address);
    await containedTo(victim);
  });

  it("stops only the agent whose interpreter overflows its stack", async () => {
    const victim = await spawnAgent(booted.channel, { image: "spinner" });
    const [, fault] = await inject(victim, "agent_stack");
    expect(fault.fields).toMatchObject({ kind: cpuFault, error: 32 });
    await containedTo(victim);
    await booted.channel.ping(7, 10_000);
  });

  it("reports no sanitizer findings", () => {
    expect(booted.target.diagnostics()).not.toMatch(/AddressSanitizer|runtime error|LeakSanitizer/);
  });

  it("turns an overflow of the kernel's stack into a reported fault and a reset", async () => {
    const victim = spinners[0] ?? 0;
    const fault = booted.channel.waitFor((e) => e.kind === "fault", 10_000, "fault event");
    const reboot = booted.channel.waitFor((e) => e.kind === "boot", 20_000, "boot after it");
    await booted.channel.send("inject_agent_fault", { agent: victim, target: "kernel_stack" });
    const report = await fault;
    expect(report.fields).toMatchObject({ agent: 0, error: 32 });
    expect(report.fields.kind).toBe(
      isPosix(board) ? "sigsegv" : board === "mps2-an505" ? "usage_fault" : "mem_manage",
    );
    expect((await reboot).fields.reset_cause).toBe("fault");
    await booted.channel.ping(8, 10_000);
  });
});
