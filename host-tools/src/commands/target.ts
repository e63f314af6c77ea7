/**
 * Gives a command a channel to a device named either by --port (any serial device) or by
 * --board (a target `aios flash` left running, or one started for this command alone).
 */

import { loadBoard } from "../boards.ts";
import { buildFirmware } from "../build/firmware.ts";
import { findFlashed, resumeFlashed } from "../device/flashed.ts";
import { launchTarget } from "../device/targets.ts";
import { UsageError } from "../errors.ts";
import { DeviceChannel } from "../transport/channel.ts";
import { openSerial } from "../transport/serial.ts";
import type { CommandContext } from "./context.ts";

export interface TargetChoice {
  board?: string;
  port?: string;
  baud?: number;
  /** A QEMU board this command starts runs with -icount shift=N. */
  icountShift?: number;
}

export interface Connection {
  channel: DeviceChannel;
  /**
   * Lets a paused target run. Call it after attaching event listeners, so that nothing the
   * device sends at boot is missed; a real board on --port runs anyway.
   */
  start(): Promise<void>;
  /** Closes the port and stops a target started for this command. */
  release(): Promise<void>;
}

export async function connect(choice: TargetChoice, ctx: CommandContext): Promise<Connection> {
  if (choice.port !== undefined && choice.board !== undefined) {
    throw new UsageError("give either --port or --board, not both");
  }
  if (choice.port !== undefined) {
    const link = await openSerial(
      choice.port,
      choice.baud !== undefined ? { baudRate: choice.baud } : {},
    );
    return { channel: new DeviceChannel(link), start: async () => {}, release: () => link.close() };
  }
  const board = loadBoard(choice.board ?? "mps2-an386");
  const flashed = findFlashed(board.name);
  if (flashed !== undefined) {
    ctx.err(
      `attaching to ${board.name} started by aios flash (pid ${flashed.pid}) on ${flashed.port}`,
    );
    const link = await openSerial(flashed.port);
    return {
      channel: new DeviceChannel(link),
      start: () => resumeFlashed(flashed),
      release: () => link.close(),
    };
  }
  ctx.err(`building firmware for ${board.name}`);
  const build = await buildFirmware({ board: board.name });
  const target = await launchTarget(
    board,
    build.image,
    choice.icountShift !== undefined ? { icountShift: choice.icountShift } : {},
  );
  ctx.err(`${board.name} running (pid ${target.pid}) on ${target.port}`);
  try {
    const link = await openSerial(target.port);
    return {
      channel: new DeviceChannel(link),
      start: () => target.resume(),
      release: async () => {
        await link.close();
        await target.stop();
      },
    };
  } catch (error) {
    await target.stop();
    throw error;
  }
}
