import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { Cap, Sys } from "./sim/abi.ts";
import { Board } from "./sim/board.ts";
import { ensureBuilt, imageId, repoRoot } from "./sim/build.ts";

const sdkDir = join(repoRoot, "agents/sdk");
const sdkSources = readdirSync(sdkDir).map(
  (f) => [f, readFileSync(join(sdkDir, f), "utf8")] as const,
);

import { errorCode } from "./sim/schema.ts";

beforeAll(ensureBuilt, 120_000);

describe("agent SDK", () => {
  it("has a typed wrapper for every syscall number of the agent ABI", () => {
    const wrapped = new Set(
      sdkSources.flatMap(([, text]) => [...text.matchAll(/Sys\.(\w+)/g)].map((m) => m[1])),
    );
    for (const name of Object.keys(Sys)) expect(wrapped, name).toContain(name);
  });

  it("exercises every wrapper in the tour agent", () => {
    const tour = readFileSync(join(repoRoot, "agents/tour/index.ts"), "utf8");
    const modules: Record<string, string> = {
      "agent.ts": "agent",
      "caps.ts": "caps",
      "sched.ts": "sched",
      "memory.ts": "mem",
      "events.ts": "events",
      "service.ts": "service",
    };
    for (const [file, text] of sdkSources) {
      const alias = modules[file];
      if (alias === undefined) continue;
      for (const [, name] of text.matchAll(/export function (\w+)/g))
        expect(tour, `${alias}.${name}`).toContain(`${alias}.${name}(`);
    }
  });

  it("reaches every syscall of the agent ABI through its typed wrappers (the tour agent)", () => {
    const board = new Board();
    const caps = Cap.ALL & ~Cap.SUPERVISOR;
    const id = board.spawn("tour", {
      caps,
      arg0: 42,
      arg1: imageId("server"),
      arg2: imageId("counter-v1"),
    });
    board.run(100_000);
    expect(board.vms.has(id)).toBe(false); // it ended with exit(5)
    const tour = board.retired.get(id);
    const r = (i: number) => tour?.call("result", i) ?? Number.NaN;
    const server = r(11);
    const expected: [number, number | ((v: number) => boolean)][] = [
      [0, id],
      [1, 42],
      [2, 1],
      [3, 0],
      [4, 0],
      [5, -errorCode("cap_invalid")],
      [6, errorCode("cap_invalid")],
      [7, 77],
      [8, 1],
      [9, (v) => v > 0],
      [10, caps],
      [11, (v) => v > id],
      [12, (v) => v > 0],
      [13, 2], // the server's primary capability and the delegated copy
      [14, 1],
      [15, 4],
      [16, 0],
      [17, 1],
      [18, 0],
      [19, 0],
      [20, -errorCode("bus_empty")],
      [21, -errorCode("call_no_request")],
      [22, (v) => v > 0],
      [23, 2],
      [24, 4],
      [25, 2],
      [26, 0],
      [27, (v) => v > 0],
      [28, (v) => v > 0],
      [29, 0],
      [30, 88],
      [31, 1],
      [32, 0],
      [33, -errorCode("svc_invalid")],
      [34, -errorCode("svc_invalid")],
      [35, -errorCode("svc_invalid")],
      [36, 0],
      [37, 7], // the server replied op + arg
      [38, 0],
      [39, 0],
      [40, 0],
      [41, 0],
      [42, 0],
      [43, 0],
      [44, 0],
      [45, (v) => v > server],
      [46, (v) => v > server],
      [47, 0],
      [48, 0],
      [49, (v) => v >= 0],
      [50, 0],
      [51, 0], // the server has no state_version: upgraded, started fresh
      [52, 0],
      [53, Cap.EVENTS_PUBLISH],
      [54, 0],
      [55, 0],
      [56, 0],
      [57, -errorCode("svc_invalid")], // check on a service nobody registered
    ];
    for (const [index, want] of expected) {
      if (typeof want === "function")
        expect(want(r(index)), `result ${index} = ${r(index)}`).toBe(true);
      else expect(r(index), `result ${index}`).toBe(want);
    }
    expect(board.eventsOf("agent_exited").find((e) => e.fields.agent === id)?.fields.code).toBe(5);
    expect(board.eventsOf("log")[0]?.fields).toMatchObject({ agent: id, text: "tour" });
    expect(board.io[0]?.channel).toBe(2);
  });
});
