import { beforeAll, describe, expect, it } from "vitest";
import { Cap } from "./sim/abi.ts";
import { Board } from "./sim/board.ts";
import { ensureBuilt } from "./sim/build.ts";
import { Random } from "./sim/random.ts";
import { errorCode } from "./sim/schema.ts";

beforeAll(ensureBuilt, 120_000);

const REALTIME = Cap.REALTIME;

interface Task {
  budget: number;
  period: number;
}

/** Exact comparison of Σ budget/period with 1: -1 below, 0 equal, 1 above. */
function compareUtilisation(tasks: Task[]): number {
  let num = 0n;
  let den = 1n;
  for (const t of tasks) {
    num = num * BigInt(t.period) + BigInt(t.budget) * den;
    den *= BigInt(t.period);
  }
  return num < den ? -1 : num === den ? 0 : 1;
}

/** UUniFast: n utilisations summing to `total`, uniformly distributed. */
function uunifast(random: Random, n: number, total: number): number[] {
  const shares: number[] = [];
  let left = total;
  for (let i = 1; i < n; i++) {
    const next = left * random.next() ** (1 / (n - i));
    shares.push(left - next);
    left = next;
  }
  shares.push(left);
  return shares;
}

/** Harmonic periods (p, 2p, 4p) with integer budgets whose utilisation is exactly 1. */
function fullSet(random: Random): Task[] {
  const p = random.int(1, 10) * 1000;
  const n = random.int(2, 7);
  const tasks: Task[] = [];
  let units = 4 * p; // budget units over the hyperperiod 4p
  for (let i = 0; i < n - 1; i++) {
    const period = p * 2 ** random.int(0, 2);
    const scale = (4 * p) / period;
    const budget = Math.min(
      period,
      random.int(1, Math.max(1, Math.floor((units - 1) / scale / (n - i)))),
    );
    if (budget * scale >= units) break;
    tasks.push({ budget, period });
    units -= budget * scale;
  }
  tasks.push({ budget: units, period: 4 * p });
  return tasks;
}

function taskSet(random: Random, overloaded: boolean): Task[] {
  if (!overloaded && random.next() < 0.1) return fullSet(random);
  const n = random.int(2, 8);
  const harmonic = random.next() < 0.2;
  const base = random.int(2, 10) * 1000;
  const periods = Array.from({ length: n }, () =>
    harmonic ? base * 2 ** random.int(0, 3) : random.int(2_000, 40_000),
  );
  const total = overloaded ? 1 + 0.3 * random.next() + 1e-3 : 0.3 + 0.7 * random.next();
  const shares = uunifast(random, n, harmonic && !overloaded && random.next() < 0.5 ? 1 : total);
  return periods.map((period, i) => {
    const exact = (shares[i] ?? 0) * period;
    const budget = overloaded ? Math.ceil(exact) : Math.floor(exact);
    return { budget: Math.min(period, Math.max(1, budget)), period };
  });
}

function spawnAll(
  board: Board,
  tasks: Task[],
  cost: (t: Task) => number = (t) => t.budget,
): number[] {
  return tasks.map((t) =>
    board.spawn("periodic", {
      caps: REALTIME,
      budget_us: t.budget,
      period_us: t.period,
      arg0: cost(t),
    }),
  );
}

describe("deadline scheduler (EDF)", () => {
  it("admits 1,000 random task sets with utilisation at most 1 and meets every deadline; refuses every set above 1", () => {
    const random = new Random(0x5eed_edf);
    let feasible = 0;
    let jobs = 0;
    let exactlyOne = 0;
    for (let trial = 0; trial < 1000; trial++) {
      const overloaded = trial % 4 === 3;
      const tasks = taskSet(random, overloaded);
      const utilisation = compareUtilisation(tasks);
      expect(utilisation > 0).toBe(overloaded);
      const board = new Board();
      const ids = spawnAll(board, tasks);
      if (overloaded) {
        expect(ids).toContain(-errorCode("sched_admission_refused"));
        const admitted = tasks.filter((_, i) => (ids[i] ?? -1) > 0);
        expect(compareUtilisation(admitted)).toBeLessThanOrEqual(0);
        continue;
      }
      feasible++;
      if (utilisation === 0) exactlyOne++;
      expect(ids.every((id) => id > 0)).toBe(true);
      const horizon = 4 * Math.max(...tasks.map((t) => t.period));
      board.run(horizon);
      expect(board.eventsOf("sched_deadline_miss")).toEqual([]);
      expect(board.eventsOf("sched_overrun")).toEqual([]);
      tasks.forEach((t, i) => {
        const done = board.vm(ids[i] ?? 0).call("jobsDone");
        expect(done).toBeGreaterThanOrEqual(Math.floor(horizon / t.period));
        jobs += done;
      });
    }
    console.log(
      `EDF: ${feasible} feasible sets (${exactlyOne} with utilisation exactly 1) met all ${jobs} deadlines; ${1000 - feasible} overloaded sets refused`,
    );
  }, 120_000);

  it("throttles an overrunning deadline agent at its budget while the others meet every deadline", () => {
    const board = new Board();
    const [a, b] = spawnAll(board, [
      { budget: 2000, period: 10_000 },
      { budget: 3000, period: 15_000 },
    ]);
    const hog = board.spawn("periodic", {
      caps: REALTIME,
      budget_us: 2000,
      period_us: 10_000,
      arg0: 7000,
    });
    const fair = board.spawn("spinner");
    board.run(1_000_000);
    const missesOf = (id: number) =>
      board.eventsOf("sched_deadline_miss").filter((e) => e.fields.agent === id).length;
    expect(missesOf(a ?? 0)).toBe(0);
    expect(missesOf(b ?? 0)).toBe(0);
    expect(
      board.eventsOf("sched_overrun").filter((e) => e.fields.agent === hog).length,
    ).toBeGreaterThan(50);
    expect(missesOf(hog)).toBeGreaterThan(0);
    // The hog gets its reservation and no more: 2 ms in every 10 ms.
    expect(board.cpu.get(hog)).toBeLessThanOrEqual(100 * 2000);
    expect(board.cpu.get(fair)).toBeGreaterThan(350_000);

    // On demand, each agent's record agrees with the events: jobs met, missed, budget overruns.
    board.command("stats_request", { what: "agents" });
    const record = (id: number) =>
      board.eventsOf("agent_sched_stats").find((e) => e.fields.agent === id)?.fields;
    expect(record(a ?? 0)).toMatchObject({ deadlines_met: 100, deadlines_missed: 0, overruns: 0 });
    expect(record(b ?? 0)).toMatchObject({ deadlines_met: 67, deadlines_missed: 0, overruns: 0 });
    expect(record(hog)).toMatchObject({
      deadlines_missed: missesOf(hog),
      overruns: board.eventsOf("sched_overrun").filter((e) => e.fields.agent === hog).length,
    });
    expect(record(fair)).toMatchObject({ deadlines_met: 0, deadlines_missed: 0 });
  });

  it("preempts a fair agent at the instant a deadline job is released", () => {
    const board = new Board();
    board.spawn("spinner", { arg0: 100_000 });
    board.run(1000);
    const rt = board.spawn("periodic", { caps: REALTIME, budget_us: 500, period_us: 5000 });
    board.run(100_000);
    const own = board.slices.filter((s) => s.agent === rt);
    expect(own.length).toBeGreaterThanOrEqual(20);
    for (const slice of own) expect((slice.start - 1000) % 5000).toBe(0);
    expect(board.eventsOf("sched_deadline_miss")).toEqual([]);
  });

  it("lets an agent ask for its own reservation and refuses one that does not fit", () => {
    const board = new Board();
    const first = board.spawn("periodic", { caps: REALTIME, arg0: 500, arg1: 6000, arg2: 10_000 });
    const second = board.spawn("periodic", { caps: REALTIME, arg0: 500, arg1: 5000, arg2: 10_000 });
    const unprivileged = board.spawn("periodic", { arg0: 500, arg1: 1000, arg2: 10_000 });
    board.run(200_000);
    expect(board.eventsOf("sched_admitted").map((e) => e.fields.agent)).toEqual([first]);
    expect(board.eventsOf("sched_refused")[0]?.fields).toMatchObject({
      agent: second,
      budget_us: 5000,
      period_us: 10_000,
      utilisation_ppm: 1_100_000,
    });
    expect(board.eventsOf("agent_exited").map((e) => [e.fields.agent, e.fields.code])).toEqual([
      [second, errorCode("sched_admission_refused")],
      [unprivileged, errorCode("cap_denied")],
    ]);
    expect(board.vm(first).call("jobsDone")).toBeGreaterThanOrEqual(19);
  });

  it("refuses a reservation whose budget exceeds its period", () => {
    const board = new Board();
    expect(board.spawn("periodic", { caps: REALTIME, budget_us: 2000, period_us: 1000 })).toBe(
      -errorCode("sched_bad_reservation"),
    );
  });
});
