/** The live view's model, fed events and statistics as the device sends them. */
import { describe, expect, it } from "vitest";
import { BoardState } from "../../host-tools/src/demo/board-state.ts";
import { renderView } from "../../host-tools/src/demo/render.ts";
import type { TimedEvent } from "../../host-tools/src/monitor/format.ts";

const event = (kind: string, fields: Record<string, number>): TimedEvent => ({
  kind,
  type: 0,
  seq: 0,
  deviceUs: 0n,
  severity: "info",
  fields,
  hostTime: new Date(0),
});

const scheduling = { cpuShare: 0, deadlinesMet: 0, deadlinesMissed: 0, overruns: 0, restarts: 0 };

describe("demo board state", () => {
  it("computes CPU shares from the fuel burned since the previous round", () => {
    const state = new BoardState();
    state.name(1, "worker");
    state.name(2, "batch");
    state.stats([
      { agent: 1, cpuFuel: 100, steps: 1, faults: 0, memoryBytes: 0, ...scheduling },
      { agent: 2, cpuFuel: 300, steps: 1, faults: 0, memoryBytes: 0, ...scheduling },
    ]);
    state.stats([
      { agent: 1, cpuFuel: 350, steps: 2, faults: 0, memoryBytes: 0, ...scheduling },
      { agent: 2, cpuFuel: 1050, steps: 2, faults: 0, memoryBytes: 0, ...scheduling },
    ]);
    const [worker, batch] = state.rows();
    expect(worker?.cpuShare).toBeCloseTo(0.25);
    expect(batch?.cpuShare).toBeCloseTo(0.75);
  });

  it("follows an agent through a fault, its restart and its quarantine", () => {
    const state = new BoardState();
    state.name(3, "rogue");
    state.event(event("fault_handled", { agent: 3, count: 1 }));
    state.event(event("agent_restarted", { agent: 3, attempt: 1 }));
    expect(state.rows()[0]).toMatchObject({ state: "restarting", faults: 1, restarts: 1 });
    state.stats([{ agent: 3, cpuFuel: 10, steps: 5, faults: 1, memoryBytes: 0, ...scheduling }]);
    expect(state.rows()[0]?.state).toBe("running");
    state.event(event("agent_quarantined", { agent: 3, error: 20 }));
    expect(state.rows()[0]?.state).toBe("quarantined");
    expect(state.faultsTotal).toBe(1);
  });

  it("names services from the manifest and shows their health", () => {
    const state = new BoardState();
    state.nameService(1, "store");
    state.event(event("svc_started", { agent: 4, service: 1 }));
    state.event(event("svc_health", { agent: 4, service: 1, healthy: 1 }));
    expect(renderView("mps2-an386", state, false)).toMatch(/4 {2}store .*#1 healthy/);
  });
});
