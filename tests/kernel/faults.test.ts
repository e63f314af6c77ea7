import { beforeAll, describe, expect, it } from "vitest";
import { Cap } from "./sim/abi.ts";
import { Board } from "./sim/board.ts";
import { ensureBuilt } from "./sim/build.ts";
import { enumValue, errorCode } from "./sim/schema.ts";

beforeAll(ensureBuilt, 120_000);

function policy(
  board: Board,
  agent: number,
  name: string,
  values: Record<string, number> = {},
): void {
  expect(
    board.command("agent_fault_policy", {
      agent,
      policy: name,
      threshold: 3,
      window_ms: 10_000,
      backoff_ms: 10,
      backoff_max_ms: 1000,
      supervisor: 0,
      ...values,
    }),
  ).toBe(0);
}

describe("fault domains", () => {
  it("classifies each VM trap into the error taxonomy", () => {
    const board = new Board();
    const ids = [0, 1, 2].map((kind) => board.spawn("faulty", { arg0: 2, arg1: kind }));
    for (const id of ids) policy(board, id, "kill");
    board.run(10_000);
    const handled = board.eventsOf("fault_handled");
    expect(
      handled.map((e) => [e.fields.agent, e.fields.kind, e.fields.error, e.fields.action]),
    ).toEqual([
      [
        ids[0],
        enumValue("fault_kind", "vm_trap"),
        errorCode("vm_trap_unreachable"),
        enumValue("fault_action", "kill"),
      ],
      [
        ids[1],
        enumValue("fault_kind", "vm_trap"),
        errorCode("vm_trap_integer_divide_by_zero"),
        enumValue("fault_action", "kill"),
      ],
      [
        ids[2],
        enumValue("fault_kind", "vm_trap"),
        errorCode("vm_trap_memory_out_of_bounds"),
        enumValue("fault_action", "kill"),
      ],
    ]);
    expect(board.vms.size).toBe(0);
  });

  it("restarts an agent from its image at once under the restart policy", () => {
    const board = new Board();
    const id = board.spawn("faulty", { arg0: 3 });
    policy(board, id, "restart");
    board.run(10_000);
    // 3 healthy steps of 100 µs then a trap: the fresh instance repeats the pattern.
    expect(board.eventsOf("agent_restarted").length).toBeGreaterThanOrEqual(20);
    expect(board.eventsOf("agent_restarted").every((e) => e.fields.delay_us === 0)).toBe(true);
    expect(board.vms.has(id)).toBe(true);
  });

  it("restarts with exponential backoff and escalates to the supervisor past the threshold", () => {
    const board = new Board();
    const supervisor = board.spawn("spinner", { caps: Cap.SUPERVISOR });
    const id = board.spawn("faulty", { arg0: 0 });
    policy(board, id, "restart_backoff", { supervisor });
    board.run(1_000_000);
    const restarts = board.eventsOf("agent_restarted").filter((e) => e.fields.agent === id);
    expect(restarts.map((e) => e.fields.delay_us)).toEqual([10_000, 20_000, 40_000]);
    const faults = board.eventsOf("fault_handled").filter((e) => e.fields.agent === id);
    expect(faults.map((e) => e.fields.count)).toEqual([1, 2, 3, 4]);
    // Each fault after a restart happens once the delay has passed, never before.
    for (let i = 0; i < restarts.length; i++) {
      const restart = restarts[i];
      const next = faults[i + 1];
      expect(Number(next?.deviceUs) - Number(restart?.deviceUs)).toBeGreaterThanOrEqual(
        Number(restart?.fields.delay_us),
      );
    }
    expect(faults[3]?.fields.action).toBe(enumValue("fault_action", "escalate_supervisor"));
    expect(board.eventsOf("agent_quarantined")[0]?.fields).toMatchObject({
      agent: id,
      error: errorCode("vm_trap_unreachable"),
    });
    expect(board.eventsOf("error_raised").at(-1)?.fields).toMatchObject({
      agent: supervisor,
      code: errorCode("fault_restart_limit"),
    });
  });

  it("keeps a quarantined agent's instance, never runs it, and restarts it when the host releases it", () => {
    const board = new Board();
    const id = board.spawn("faulty", { arg0: 5 });
    policy(board, id, "quarantine");
    board.run(100_000);
    expect(board.vms.has(id)).toBe(true);
    const cpu = board.cpu.get(id);
    board.run(100_000);
    expect(board.cpu.get(id)).toBe(cpu);
    expect(board.command("agent_release", { agent: id })).toBe(0);
    board.run(100_000);
    expect(board.cpu.get(id)).toBeGreaterThan(cpu ?? 0);
    expect(board.eventsOf("agent_quarantined")).toHaveLength(2);
  });

  it("resets the board when an agent whose policy is reset_board faults", () => {
    const board = new Board();
    const vital = board.spawn("faulty", { arg0: 2 });
    policy(board, vital, "reset_board");
    board.run(10_000);
    expect(board.eventsOf("fault_handled")[0]?.fields).toMatchObject({
      agent: vital,
      action: enumValue("fault_action", "escalate_board_reset"),
    });
    expect(board.resets).toEqual([enumValue("reset_cause", "fault")]);
  });

  it("resets the board when native code faults outside any agent", () => {
    const board = new Board();
    board.spawn("spinner");
    board.fault(0, "hard_fault", errorCode("fault_cpu"));
    expect(board.resets).toEqual([enumValue("reset_cause", "fault")]);
    expect(board.eventsOf("boot").at(-1)?.fields).toMatchObject({ reset_cause: "fault" });
    expect(board.eventsOf("kernel_ready")).toHaveLength(2);
    expect(board.vms.size).toBe(0);
  });

  it("classifies a CPU fault of an agent as fault_cpu and contains it to that agent", () => {
    const board = new Board();
    const victim = board.spawn("spinner");
    const bystander = board.spawn("spinner");
    policy(board, victim, "kill");
    expect(board.fault(victim, "mem_manage", 0)).toBe(enumValue("fault_action", "kill"));
    expect(board.eventsOf("fault_handled")[0]?.fields).toMatchObject({
      agent: victim,
      kind: enumValue("fault_kind", "mem_manage"),
      error: errorCode("fault_cpu"),
    });
    board.run(10_000);
    expect(board.cpu.get(bystander)).toBe(10_000);
  });

  it("never lets a faulting agent take down the kernel or another agent", () => {
    const board = new Board();
    const rt = board.spawn("periodic", {
      caps: Cap.REALTIME,
      budget_us: 1000,
      period_us: 5000,
      arg0: 1000,
    });
    const fair = board.spawn("spinner");
    const crasher = board.spawn("faulty", { arg0: 1, arg2: 1000 });
    policy(board, crasher, "restart");
    board.run(1_000_000);
    expect(board.eventsOf("fault_handled").length).toBeGreaterThan(300);
    expect(board.eventsOf("sched_deadline_miss")).toEqual([]);
    expect(board.vm(rt).call("jobsDone")).toBeGreaterThanOrEqual(199);
    // The bystander keeps its fair half of what the reservation leaves.
    expect(board.cpu.get(fair)).toBeGreaterThan(0.49 * (1_000_000 - (board.cpu.get(rt) ?? 0)));
  });

  it("reports fault statistics per agent and in total", () => {
    const board = new Board();
    const a = board.spawn("faulty", { arg0: 1 });
    const b = board.spawn("faulty", { arg0: 1 });
    policy(board, a, "restart");
    policy(board, b, "kill");
    board.run(2000);
    board.command("stats_request", { what: "faults" });
    const stats = new Map(board.eventsOf("fault_stats").map((e) => [e.fields.agent, e.fields]));
    const faultsOfA = board.eventsOf("fault_handled").filter((e) => e.fields.agent === a).length;
    expect(stats.get(a)).toMatchObject({ total: faultsOfA, restarts: faultsOfA, kills: 0 });
    expect(stats.has(b)).toBe(false);
    expect(stats.get(0)).toMatchObject({
      total: faultsOfA + 1,
      restarts: faultsOfA,
      kills: 1,
      quarantines: 0,
    });
  });
});
