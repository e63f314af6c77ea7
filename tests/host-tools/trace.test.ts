/** The Perfetto/Chrome trace `aios monitor --trace` writes, checked against the trace-event format. */
import { describe, expect, it } from "vitest";
import { makeFilter } from "../../host-tools/src/monitor/filter.ts";
import type { TimedEvent } from "../../host-tools/src/monitor/format.ts";
import { type TraceEvent, TraceRecorder } from "../../host-tools/src/monitor/trace.ts";

const event = (
  kind: string,
  deviceUs: number,
  fields: Record<string, number | string | bigint>,
  severity = "info",
): TimedEvent => ({
  kind,
  type: 0,
  seq: 0,
  deviceUs: BigInt(deviceUs),
  severity,
  fields,
  hostTime: new Date(0),
});

/** The rules of the trace-event format (the JSON object form) that viewers rely on. */
function checkTraceEvent(e: TraceEvent): string[] {
  const problems: string[] = [];
  if (typeof e.name !== "string" || e.name === "") problems.push("name");
  if (!["X", "i", "M"].includes(e.ph)) problems.push(`phase ${e.ph}`);
  if (!Number.isFinite(e.ts) || e.ts < 0) problems.push("ts");
  if (!Number.isInteger(e.pid) || !Number.isInteger(e.tid)) problems.push("pid/tid");
  if (e.ph === "X" && (!Number.isFinite(e.dur) || (e.dur ?? 0) <= 0)) problems.push("dur");
  if (e.ph === "i" && !["t", "p", "g"].includes(e.s ?? "")) problems.push("scope");
  if (e.ph === "M" && typeof e.args?.name !== "string") problems.push("metadata name");
  return problems;
}

describe("trace export", () => {
  const recorder = new TraceRecorder();
  recorder.add(event("agent_spawned", 1_000, { agent: 1, correlation: 5 }));
  recorder.add(
    event("slice", 1_200, {
      agent: 1,
      start_us: 1_100n,
      duration_us: 400,
      fuel: 1600,
      end: "preempted",
    }),
  );
  recorder.add(
    event("slice", 1_700, {
      agent: 2,
      start_us: 1_500n,
      duration_us: 200,
      fuel: 800,
      end: "step_done",
    }),
  );
  recorder.add(event("fault_handled", 2_000, { agent: 2, kind: 6, error: 20 }, "error"));
  recorder.add(event("heartbeat", 3_000, { uptime_us: 3_000n, count: 1 }));
  const trace = JSON.parse(JSON.stringify(recorder.toJson())) as {
    traceEvents: TraceEvent[];
    displayTimeUnit: string;
  };

  it("is valid trace-event JSON with one named track per agent", () => {
    expect(trace.displayTimeUnit).toBe("ms");
    for (const e of trace.traceEvents) expect(checkTraceEvent(e), JSON.stringify(e)).toEqual([]);
    const names = trace.traceEvents
      .filter((e) => e.name === "thread_name")
      .map((e) => [e.tid, e.args?.name]);
    expect(names).toEqual([
      [1, "agent 1"],
      [2, "agent 2"],
    ]);
  });

  it("draws running slices at device time and faults as instant markers", () => {
    const slices = trace.traceEvents.filter((e) => e.ph === "X");
    expect(slices.map((e) => [e.tid, e.ts, e.dur])).toEqual([
      [1, 1_100, 400],
      [2, 1_500, 200],
    ]);
    const fault = trace.traceEvents.find((e) => e.name === "fault_handled");
    expect(fault).toMatchObject({ ph: "i", tid: 2, ts: 2_000, args: { error: 20 } });
    expect(trace.traceEvents.some((e) => e.name === "heartbeat")).toBe(false);
  });
});

describe("monitor filters", () => {
  it("select by kind (with prefix), agent and minimum severity", () => {
    const show = makeFilter({ kinds: ["agent_*", "fault"], agents: [2], severity: "info" });
    expect(show(event("agent_spawned", 0, { agent: 2 }))).toBe(true);
    expect(show(event("agent_spawned", 0, { agent: 3 }))).toBe(false);
    expect(show(event("heartbeat", 0, {}))).toBe(false);
    expect(show(event("agent_stats", 0, { agent: 2 }, "debug"))).toBe(false);
  });

  it("refuse a kind that matches nothing, naming the known kinds", () => {
    expect(() => makeFilter({ kinds: ["hartbeat"] })).toThrow(
      /matches no event kind. Known kinds: boot, heartbeat/,
    );
  });
});
