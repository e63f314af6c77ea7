import { beforeAll, describe, expect, it } from "vitest";
import { Hint } from "./sim/abi.ts";
import { Board } from "./sim/board.ts";
import { ensureBuilt } from "./sim/build.ts";

beforeAll(ensureBuilt, 120_000);

const { LATENCY_SENSITIVE, BATCH, IDLEABLE } = Hint;
const SECOND = 1_000_000;

describe("fair share scheduler", () => {
  it("gives agents weighted 1:2:4 CPU within 2% of 1/7, 2/7 and 4/7 over 10 simulated seconds", () => {
    const board = new Board();
    const ids = [100, 200, 400].map((weight) => board.spawn("spinner", { weight, arg0: 700 }));
    board.run(10 * SECOND);
    const used = ids.map((id) => board.cpu.get(id) ?? 0);
    const total = used.reduce((a, b) => a + b, 0);
    const shares = used.map((u) => u / total);
    console.log(
      `fair share 1:2:4 over 10 s: ${shares.map((s) => s.toFixed(5)).join(", ")} (ideal 0.14286, 0.28571, 0.57143)`,
    );
    expect(total).toBeGreaterThan(9.9 * SECOND);
    [1 / 7, 2 / 7, 4 / 7].forEach((ideal, i) => {
      expect(Math.abs((shares[i] ?? 0) - ideal) / ideal).toBeLessThan(0.02);
    });
  });

  it("cuts every slice at the fuel it granted and never grants more than the hint's slice", () => {
    const board = new Board();
    const normal = board.spawn("spinner", { arg0: 333 });
    const latency = board.spawn("spinner", { arg0: 333, hints: LATENCY_SENSITIVE });
    const batch = board.spawn("spinner", { arg0: 333, hints: BATCH });
    board.run(SECOND);
    const longest = (id: number) =>
      Math.max(...board.slices.filter((s) => s.agent === id).map((s) => s.granted));
    expect(longest(latency)).toBe(1000);
    expect(longest(normal)).toBe(4000);
    expect(longest(batch)).toBe(16000);
    for (const slice of board.slices) expect(slice.used).toBeLessThanOrEqual(slice.granted);
  });

  it("runs an idle-able agent only when no other agent wants the CPU", () => {
    const board = new Board();
    const idle = board.spawn("spinner", { hints: IDLEABLE });
    const busy = board.spawn("spinner");
    board.run(SECOND);
    expect(board.cpu.get(idle) ?? 0).toBe(0);
    expect(board.command("agent_kill", { agent: busy })).toBe(0);
    board.run(SECOND);
    expect(board.cpu.get(idle) ?? 0).toBeGreaterThan(0.99 * SECOND);
  });

  it("takes a semantic hint an agent gives itself", () => {
    const board = new Board();
    const id = board.spawn("spinner", { arg1: LATENCY_SENSITIVE });
    board.run(100_000);
    expect(board.eventsOf("sched_hint")[0]?.fields).toMatchObject({
      agent: id,
      hints: LATENCY_SENSITIVE,
    });
    expect(
      Math.max(
        ...board.slices
          .filter((s) => s.agent === id)
          .slice(1)
          .map((s) => s.granted),
      ),
    ).toBe(1000);
  });

  it("throttles a resource group at its CPU budget per period and lets the others run", () => {
    const board = new Board();
    expect(
      board.command("group_create", {
        parent: 0,
        memory_bytes: 0,
        cpu_budget_us: 10_000,
        cpu_period_us: 100_000,
        event_rate: 0,
        io_bytes_per_s: 0,
      }),
    ).toBe(0);
    const group = Number(board.eventsOf("group_created")[0]?.fields.group);
    const limited = board.spawn("spinner", { group });
    const free = board.spawn("spinner");
    board.run(SECOND);
    expect(board.cpu.get(limited)).toBe(10 * 10_000);
    expect(board.cpu.get(free)).toBe(SECOND - 10 * 10_000);
    expect(
      board
        .eventsOf("quota_exceeded")
        .filter((e) => e.fields.resource === "cpu" || e.fields.resource === 1),
    ).toHaveLength(10);
  });
});
