import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureReplayBuilt, replayNative } from "./native/host.ts";
import { ensureBuilt, repoRoot } from "./sim/build.ts";
import { readScenario, runOnBoard } from "./sim/scenario.ts";
import { frameType } from "./sim/schema.ts";

beforeAll(async () => {
  await ensureBuilt();
  ensureReplayBuilt();
}, 600_000);

const scenario = (name: string) =>
  readScenario(join(repoRoot, "tests/kernel/scenarios", `${name}.scenario`));

/** Where two frame logs part, or undefined when they are the same. */
function firstDifference(node: string[], native: string[]): string | undefined {
  for (let i = 0; i < Math.max(node.length, native.length); i++) {
    if (node[i] !== native[i]) {
      return `frame ${i + 1}: node "${node[i] ?? "(end)"}", native "${native[i] ?? "(end)"}"`;
    }
  }
  return undefined;
}

describe("determinism", () => {
  it("produces the same frame log every time a scenario runs", () => {
    const first = runOnBoard(scenario("rich"));
    expect(first.length).toBeGreaterThan(150);
    expect(runOnBoard(scenario("rich"))).toEqual(first);
  });

  // Scheduling (deadlines, fair share, preemption at the alarm), the event bus and VM traps.
  it("gives the same frame log in Node and in our VM for the scheduling scenario", () => {
    const steps = scenario("rich");
    const node = runOnBoard(steps);
    expect(node.length).toBeGreaterThan(150);
    expect(firstDifference(node, replayNative(steps))).toBeUndefined();
  });

  // Regions, snapshots, clone/split/merge, upgrades, memory quota, I/O and initd services.
  it("gives the same frame log in Node and in our VM for the memory and lifecycle scenario", () => {
    const steps = scenario("fabric");
    const node = runOnBoard(steps);
    expect(node.length).toBeGreaterThan(1000);
    expect(firstDifference(node, replayNative(steps))).toBeUndefined();
  });

  // A fault policy and a native fault resetting the board, which boots again on its flash.
  it("gives the same frame log in Node and in our VM across board resets", () => {
    const steps = scenario("reset");
    const node = runOnBoard(steps);
    expect(node.filter((line) => line.split(" ")[1] === String(frameType("boot")))).toHaveLength(2);
    expect(firstDifference(node, replayNative(steps))).toBeUndefined();
  });
});
