/**
 * Watches a device channel, prints its events and decides when to stop: the awaited event
 * (`until`), a timeout, a fault, a lost link, or the caller's stop signal. It never rejects:
 * the summary says how it ended, so the counts are reported even after a failure.
 */
import {
  type AiosError,
  DeviceFaultError,
  LinkError,
  TimeoutError,
  UsageError,
} from "../errors.ts";
import type { DecoderStats } from "../protocol/decoder.ts";
import { PROTOCOL_VERSION } from "../protocol/frame.ts";
import { eventKinds } from "../protocol/messages.ts";
import type { DeviceChannel } from "../transport/channel.ts";
import { schemaLine, type TimedEvent, toHumanLine, toJsonLine } from "./format.ts";

export interface MonitorOptions {
  json: boolean;
  /** With `json`, whether to print the schema line first (false when resuming after a reconnect). */
  schemaLine?: boolean;
  colour: boolean;
  /** Stop with success at the first event of this kind. */
  until?: string;
  /** Seconds; with `until`, not seeing it in time is a TimeoutError, without it a normal end. */
  timeoutSeconds?: number;
  /** Machine output (NDJSON) or human lines. */
  out: (line: string) => void;
  /** Resolves when the user asks to stop (Ctrl-C). */
  stopSignal?: Promise<void>;
  /** Which events are printed; `until`, faults and `record` see every event. */
  show?: (event: TimedEvent) => boolean;
  /** Sees every event (log file, trace). */
  record?: (event: TimedEvent) => void;
}

export interface MonitorSummary {
  events: Record<string, number>;
  stats: DecoderStats;
  faults: number;
  reason: "until" | "timeout" | "stopped" | "error";
  /** Why monitoring failed: a timeout waiting for `until`, a fault while waiting, a lost link. */
  error?: AiosError;
}

export function checkEventKind(kind: string): void {
  if (!eventKinds.includes(kind)) {
    throw new UsageError(`unknown event kind '${kind}'. Known kinds: ${eventKinds.join(", ")}`);
  }
}

export function summaryText(summary: MonitorSummary): string {
  const counts = Object.entries(summary.events)
    .map(([kind, n]) => `${kind} ${n}`)
    .join(", ");
  const { frames, lost, corrupt, oversized } = summary.stats;
  return `summary: ${frames} frames (${counts || "none"}); lost ${lost}, corrupt ${corrupt}, oversized ${oversized}`;
}

export function monitorChannel(
  channel: DeviceChannel,
  options: MonitorOptions,
): Promise<MonitorSummary> {
  if (options.until !== undefined) checkEventKind(options.until);
  const summary: MonitorSummary = {
    events: {},
    stats: channel.decoder.stats,
    faults: 0,
    reason: "stopped",
  };
  if (options.json && options.schemaLine !== false) options.out(schemaLine(PROTOCOL_VERSION));

  return new Promise<MonitorSummary>((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    let offLost: () => void = () => {};
    const finish = (outcome: MonitorSummary["reason"] | AiosError) => {
      off();
      offLost();
      if (timer !== undefined) clearTimeout(timer);
      if (typeof outcome === "string") {
        summary.reason = outcome;
      } else {
        summary.reason = "error";
        summary.error = outcome;
      }
      resolve(summary);
    };
    const off = channel.onEvent((event) => {
      summary.events[event.kind] = (summary.events[event.kind] ?? 0) + 1;
      options.record?.(event);
      if (options.show?.(event) ?? true) {
        options.out(options.json ? toJsonLine(event) : toHumanLine(event, options.colour));
      }
      if (event.kind === options.until) {
        finish("until");
      } else if (event.kind === "fault") {
        summary.faults++;
        if (options.until !== undefined) {
          finish(new DeviceFaultError(`the device faulted while waiting for '${options.until}'`));
        }
      }
    });
    offLost = channel.onLost((error) =>
      finish(new LinkError(`${error.message}; the device reset, exited or was unplugged`, true)),
    );
    if (options.timeoutSeconds !== undefined) {
      timer = setTimeout(() => {
        if (options.until === undefined) finish("timeout");
        else
          finish(
            new TimeoutError(`no '${options.until}' event within ${options.timeoutSeconds} s`),
          );
      }, options.timeoutSeconds * 1000);
    }
    void options.stopSignal?.then(() => finish("stopped"));
  });
}
