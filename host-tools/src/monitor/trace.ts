/**
 * A Chrome/Perfetto trace-event file (the JSON "traceEvents" format ui.perfetto.dev opens) built
 * from the device's events: one track per agent with its running slices (`slice` events, sent
 * while tracing is on), and instant markers for spawns, faults, restarts, quarantines,
 * deadline releases refused or missed, and service changes. Device time, in microseconds.
 */
import { writeFileSync } from "node:fs";
import type { TimedEvent } from "./format.ts";

export interface TraceEvent {
  name: string;
  ph: "X" | "i" | "M";
  ts: number;
  pid: number;
  tid: number;
  dur?: number;
  s?: "t" | "p" | "g";
  cat?: string;
  args?: Record<string, number | string>;
}

const DEVICE_PID = 1;
/** Events drawn as instant markers on their agent's track. */
const markers = new Set([
  "agent_spawned",
  "agent_exited",
  "agent_killed",
  "agent_restarted",
  "agent_quarantined",
  "agent_upgraded",
  "fault",
  "fault_handled",
  "sched_admitted",
  "sched_refused",
  "sched_overrun",
  "sched_deadline_miss",
  "svc_started",
  "svc_stopped",
  "svc_failed",
  "svc_restarting",
  "svc_watchdog_expired",
  "cap_denied",
  "quota_exceeded",
]);

function numeric(value: unknown): number | string {
  return typeof value === "bigint" ? Number(value) : (value as number | string);
}

export class TraceRecorder {
  private readonly events: TraceEvent[] = [];
  private readonly named = new Set<number>();

  private track(agent: number, ts: number): void {
    if (this.named.has(agent)) return;
    this.named.add(agent);
    const name = agent === 0 ? "kernel" : `agent ${agent}`;
    this.events.push({
      name: "thread_name",
      ph: "M",
      ts,
      pid: DEVICE_PID,
      tid: agent,
      args: { name },
    });
  }

  add(event: TimedEvent): void {
    const agent = Number(event.fields.agent ?? 0);
    const ts = Number(event.deviceUs);
    if (event.kind === "slice") {
      const start = Number(event.fields.start_us);
      this.track(agent, start);
      this.events.push({
        name: "running",
        cat: "sched",
        ph: "X",
        ts: start,
        dur: Math.max(1, Number(event.fields.duration_us)),
        pid: DEVICE_PID,
        tid: agent,
        args: { fuel: Number(event.fields.fuel), end: String(event.fields.end) },
      });
      return;
    }
    if (!markers.has(event.kind)) return;
    this.track(agent, ts);
    const args: Record<string, number | string> = {};
    for (const [name, value] of Object.entries(event.fields)) args[name] = numeric(value);
    this.events.push({
      name: event.kind,
      cat: event.severity,
      ph: "i",
      s: "t",
      ts,
      pid: DEVICE_PID,
      tid: agent,
      args,
    });
  }

  toJson(): {
    traceEvents: TraceEvent[];
    displayTimeUnit: "ms";
    otherData: Record<string, string>;
  } {
    const metadata: TraceEvent = {
      name: "process_name",
      ph: "M",
      ts: 0,
      pid: DEVICE_PID,
      tid: 0,
      args: { name: "AIOS device" },
    };
    return {
      traceEvents: [metadata, ...this.events],
      displayTimeUnit: "ms",
      otherData: { source: "aios monitor" },
    };
  }

  write(path: string): void {
    writeFileSync(path, `${JSON.stringify(this.toJson())}\n`);
  }
}
