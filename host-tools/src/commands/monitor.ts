/** `aios monitor`: decode and show a device's event stream. */
import { appendFileSync, existsSync } from "node:fs";
import { DeviceFaultError, LinkError, TimeoutError } from "../errors.ts";
import { makeFilter } from "../monitor/filter.ts";
import { type TimedEvent, toJsonLine } from "../monitor/format.ts";
import {
  checkEventKind,
  type MonitorSummary,
  monitorChannel,
  summaryText,
} from "../monitor/monitor.ts";
import { TraceRecorder } from "../monitor/trace.ts";
import { findBySerialNumber, listPorts } from "../transport/ports.ts";
import type { CommandContext } from "./context.ts";
import { connect, type TargetChoice } from "./target.ts";

export interface MonitorCommandOptions extends TargetChoice {
  json: boolean;
  until?: string;
  timeout?: number;
  kind?: string[];
  agent?: number[];
  severity?: string;
  log?: string;
  trace?: string;
  reconnect: boolean;
}

function merge(total: MonitorSummary | undefined, next: MonitorSummary): MonitorSummary {
  if (total === undefined) return next;
  const events = { ...total.events };
  for (const [kind, n] of Object.entries(next.events)) events[kind] = (events[kind] ?? 0) + n;
  const stats = { ...next.stats };
  for (const key of ["frames", "corrupt", "oversized", "lost"] as const)
    stats[key] += total.stats[key];
  return { ...next, events, stats, faults: total.faults + next.faults };
}

export async function monitorCommand(
  options: MonitorCommandOptions,
  ctx: CommandContext,
): Promise<void> {
  if (options.until !== undefined) checkEventKind(options.until);
  const show = makeFilter({
    ...(options.kind ? { kinds: options.kind } : {}),
    ...(options.agent ? { agents: options.agent } : {}),
    ...(options.severity ? { severity: options.severity } : {}),
  });
  const trace = options.trace !== undefined ? new TraceRecorder() : undefined;
  const record = (event: TimedEvent) => {
    if (options.log !== undefined) appendFileSync(options.log, `${toJsonLine(event)}\n`);
    trace?.add(event);
  };
  // A USB device may come back under another name; its serial number finds it again.
  const serialNumber =
    options.port !== undefined
      ? (await listPorts()).find((p) => p.path === options.port)?.serialNumber
      : undefined;
  const deadline = options.timeout !== undefined ? Date.now() + options.timeout * 1000 : undefined;
  let total: MonitorSummary | undefined;
  let stopped = false;
  void ctx.stopSignal.then(() => {
    stopped = true;
  });
  try {
    for (let attempt = 0; ; attempt++) {
      const port =
        attempt > 0 && serialNumber !== undefined
          ? ((await findBySerialNumber(serialNumber)) ?? options.port)
          : options.port;
      const connection = await connect(
        { ...options, ...(port !== undefined ? { port } : {}) },
        ctx,
      );
      if (trace !== undefined) await connection.channel.send("trace_control", { enable: 1 });
      const remaining =
        deadline !== undefined ? Math.max(0.001, (deadline - Date.now()) / 1000) : undefined;
      let summary: MonitorSummary;
      try {
        const watching = monitorChannel(connection.channel, {
          json: options.json,
          schemaLine: attempt === 0,
          colour: ctx.colour && !options.json,
          out: ctx.out,
          stopSignal: ctx.stopSignal,
          show,
          record,
          ...(options.until !== undefined ? { until: options.until } : {}),
          ...(remaining !== undefined ? { timeoutSeconds: remaining } : {}),
        });
        await connection.start();
        summary = await watching;
      } finally {
        await connection.release();
      }
      total = merge(total, summary);
      const lost = summary.error instanceof LinkError && summary.error.disconnected;
      if (!lost || !options.reconnect || options.port === undefined || stopped) break;
      ctx.err(`${summary.error?.message}; reconnecting`);
      await reopen(options.port, serialNumber, deadline, () => stopped);
    }
  } finally {
    if (total !== undefined) ctx.err(summaryText(total));
    if (trace !== undefined && options.trace !== undefined) {
      trace.write(options.trace);
      ctx.err(`trace written to ${options.trace} (open it in ui.perfetto.dev)`);
    }
  }
  if (total?.error instanceof TimeoutError && options.until !== undefined) {
    // Reconnects shorten each wait; the user asked for their own total.
    throw new TimeoutError(`no '${options.until}' event within ${options.timeout} s`);
  }
  if (total?.error !== undefined) throw total.error;
  if ((total?.faults ?? 0) > 0 && options.until !== "fault") {
    throw new DeviceFaultError(`the device reported ${total?.faults} fault(s)`);
  }
}

/** Waits until the device's port exists again (by path, or by serial number). */
async function reopen(
  path: string,
  serialNumber: string | undefined,
  deadline: number | undefined,
  stopped: () => boolean,
): Promise<void> {
  while (!stopped() && (deadline === undefined || Date.now() < deadline)) {
    const found =
      serialNumber !== undefined
        ? await findBySerialNumber(serialNumber)
        : existsSync(path)
          ? path
          : undefined;
    if (found !== undefined) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new LinkError(`${path} did not come back`, true);
}
