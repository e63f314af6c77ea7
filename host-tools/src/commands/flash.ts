/** `aios flash`: put the firmware on the board. Emulated boards and host processes start paused
 * until `aios monitor --board` attaches, so no boot output is lost; real boards are written with
 * their own bootloader or probe; a Linux board on the machine itself is installed there. */
import { join } from "node:path";
import type { BoardDescription } from "../boards.ts";
import { buildFirmware } from "../build/firmware.ts";
import { recordFlashed, stopFlashed } from "../device/flashed.ts";
import { type FlashOutcome, flashOpenocd, flashUf2, installLinux } from "../device/hardware.ts";
import { processCommand } from "../device/native.ts";
import { launchTarget } from "../device/targets.ts";
import { UsageError } from "../errors.ts";
import type { CommandContext } from "./context.ts";

export interface FlashOptions {
  board: string;
  stop: boolean;
  json: boolean;
  /** uf2 boards: the mounted bootloader drive to write to. */
  drive?: string;
  /** Linux boards: install on this machine (the default when it can run the build itself). */
  install?: boolean;
  /** Linux boards: install as a systemd service. */
  service?: boolean;
  prefix?: string;
  unitDir?: string;
}

/** A Linux board is installed when asked, or when this machine runs its build natively. */
function installsHere(board: BoardDescription, options: FlashOptions): boolean {
  if (options.install === true || options.service === true) return true;
  return board.cpu !== "host" && processCommand(board, "aios").length === 1;
}

function report(outcome: FlashOutcome, options: FlashOptions, ctx: CommandContext): void {
  if (options.json) ctx.out(JSON.stringify(outcome));
  else ctx.out(outcome.destination);
  const next: Record<string, string> = {
    "uf2-drive": "it reboots into AIOS; monitor it with: aios monitor --port <its UART>",
    picotool: "it reboots into AIOS; monitor it with: aios monitor --port <its UART>",
    openocd: "it was reset into AIOS; monitor it with: aios monitor --port <its UART>",
    service: "find its UART with: journalctl -u aios | grep 'uart on'",
  };
  ctx.err(
    `${outcome.board} flashed (${outcome.method}: ${outcome.destination}); ${next[outcome.method] ?? ""}`,
  );
}

export async function flashCommand(options: FlashOptions, ctx: CommandContext): Promise<void> {
  await stopFlashed(options.board);
  if (options.stop) {
    ctx.err(`${options.board}: stopped`);
    return;
  }
  const build = await buildFirmware({ board: options.board });
  const board = build.board;
  const progress = (text: string) => ctx.err(text.trimEnd());
  if (options.drive !== undefined && board.flash.method !== "uf2")
    throw new UsageError(
      `--drive is for UF2 boards; ${board.name} flashes by ${board.flash.method}`,
    );
  if (board.flash.method === "uf2") {
    const uf2 = join(build.buildDir, `aios-${board.name}.uf2`);
    report(
      await flashUf2(board, uf2, {
        ...(options.drive !== undefined ? { drive: options.drive } : {}),
        onOutput: progress,
      }),
      options,
      ctx,
    );
    return;
  }
  if (board.flash.method === "openocd") {
    report(await flashOpenocd(board, build.image, progress), options, ctx);
    return;
  }
  let image = build.image;
  if (board.hal === "posix" && board.name !== "native" && installsHere(board, options)) {
    const outcome = await installLinux(board, build.image, {
      service: options.service === true,
      ...(options.prefix !== undefined ? { prefix: options.prefix } : {}),
      ...(options.unitDir !== undefined ? { unitDir: options.unitDir } : {}),
      onOutput: progress,
    });
    if (outcome.method === "service") {
      report(outcome, options, ctx);
      return;
    }
    ctx.err(`${board.name}: installed ${outcome.destination}; starting it in the foreground`);
    image = outcome.destination;
  } else if (options.install === true || options.service === true) {
    throw new UsageError(`--install and --service are for Linux boards; ${board.name} is not one`);
  }
  const target = await launchTarget(board, image, { detachedIn: build.buildDir });
  recordFlashed({
    board: board.name,
    pid: target.pid,
    port: target.port,
    ...(target.qmpPath !== undefined ? { qmpPath: target.qmpPath } : {}),
  });
  if (options.json)
    ctx.out(JSON.stringify({ board: board.name, pid: target.pid, port: target.port }));
  else ctx.out(target.port);
  const paused =
    target.qmpPath !== undefined || board.hal === "posix"
      ? `; paused until: aios monitor --board ${board.name}`
      : "";
  ctx.err(`${board.name} flashed (pid ${target.pid}, UART on ${target.port})${paused}`);
}
