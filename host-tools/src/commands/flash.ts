/** `aios flash`: put the firmware on the board. Emulated boards: start the emulator, paused
 * until `aios monitor --board` attaches, so no boot output is lost. */
import { buildFirmware } from "../build/firmware.ts";
import { recordFlashed, stopFlashed } from "../device/flashed.ts";
import { launchTarget } from "../device/targets.ts";
import type { CommandContext } from "./context.ts";

export async function flashCommand(
  options: { board: string; stop: boolean; json: boolean },
  ctx: CommandContext,
): Promise<void> {
  await stopFlashed(options.board);
  if (options.stop) {
    ctx.err(`${options.board}: stopped`);
    return;
  }
  const build = await buildFirmware({ board: options.board });
  const target = await launchTarget(build.board, build.image, { detachedIn: build.buildDir });
  recordFlashed({
    board: build.board.name,
    pid: target.pid,
    port: target.port,
    ...(target.qmpPath !== undefined ? { qmpPath: target.qmpPath } : {}),
  });
  if (options.json)
    ctx.out(JSON.stringify({ board: build.board.name, pid: target.pid, port: target.port }));
  else ctx.out(target.port);
  const paused =
    target.qmpPath !== undefined ? `; paused until: aios monitor --board ${build.board.name}` : "";
  ctx.err(`${build.board.name} flashed (pid ${target.pid}, UART on ${target.port})${paused}`);
}
