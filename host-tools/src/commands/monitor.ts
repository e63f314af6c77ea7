/** `aios monitor`: decode and show a device's event stream. */
import { DeviceFaultError } from "../errors.ts";
import { checkEventKind, monitorChannel, summaryText } from "../monitor/monitor.ts";
import type { CommandContext } from "./context.ts";
import { connect, type TargetChoice } from "./target.ts";

export interface MonitorCommandOptions extends TargetChoice {
  json: boolean;
  until?: string;
  timeout?: number;
}

export async function monitorCommand(
  options: MonitorCommandOptions,
  ctx: CommandContext,
): Promise<void> {
  if (options.until !== undefined) checkEventKind(options.until);
  const connection = await connect(options, ctx);
  try {
    const summary = await monitorChannel(connection.channel, {
      json: options.json,
      colour: ctx.colour && !options.json,
      out: ctx.out,
      stopSignal: ctx.stopSignal,
      ...(options.until !== undefined ? { until: options.until } : {}),
      ...(options.timeout !== undefined ? { timeoutSeconds: options.timeout } : {}),
    });
    ctx.err(summaryText(summary));
    if (summary.error !== undefined) throw summary.error;
    if (summary.faults > 0 && options.until !== "fault") {
      throw new DeviceFaultError(`the device reported ${summary.faults} fault(s)`);
    }
  } finally {
    await connection.release();
  }
}
