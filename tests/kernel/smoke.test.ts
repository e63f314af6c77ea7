import { beforeAll, describe, expect, it } from "vitest";
import { Board } from "./sim/board.ts";
import { ensureBuilt } from "./sim/build.ts";

beforeAll(ensureBuilt, 120_000);

describe("simulation harness", () => {
  it("boots the kernel and runs a spawned agent", () => {
    const board = new Board();
    expect(board.eventsOf("kernel_ready")).toHaveLength(1);
    const id = board.spawn("spinner", { arg0: 500 });
    expect(id).toBeGreaterThan(0);
    board.run(100_000);
    expect(board.cpu.get(id)).toBeGreaterThan(90_000);
  });
});
