import { beforeAll, describe, expect, it } from "vitest";
import { Cap } from "./sim/abi.ts";
import { Board } from "./sim/board.ts";
import { ensureBuilt } from "./sim/build.ts";

beforeAll(ensureBuilt, 120_000);

/** A scenario touching every component; its result is the frame log another host can replay. */
function scenario(): string[] {
  const board = new Board();
  board.spawn("periodic", { caps: Cap.REALTIME, budget_us: 1000, period_us: 7000, arg0: 900 });
  board.spawn("periodic", { caps: Cap.REALTIME, budget_us: 1000, period_us: 5000, arg0: 1500 });
  board.spawn("spinner", { weight: 300, arg0: 777 });
  board.spawn("chatter", { caps: Cap.EVENTS_SUBSCRIBE, arg0: 1, arg1: 88, arg2: 88 });
  board.spawn("chatter", { caps: Cap.EVENTS_PUBLISH, arg0: 0, arg1: 3, arg2: 3000 });
  board.spawn("faulty", { arg0: 4, arg1: 1 });
  board.run(300_000);
  board.command("stats_request", { what: "all" });
  return board.log();
}

describe("determinism", () => {
  it("produces the same frame log every time a scenario runs", () => {
    const first = scenario();
    expect(first.length).toBeGreaterThan(150);
    expect(scenario()).toEqual(first);
  });
});
