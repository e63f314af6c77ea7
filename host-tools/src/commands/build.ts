/** `aios build`: firmware for one board, via CMake. */
import { statSync } from "node:fs";
import { loadBoard } from "../boards.ts";
import { buildFirmware } from "../build/firmware.ts";
import type { CommandContext } from "./context.ts";

export async function buildCommand(
  options: { board: string; sanitize: boolean; json: boolean; verbose: boolean },
  ctx: CommandContext,
): Promise<void> {
  loadBoard(options.board);
  ctx.err(`building firmware for ${options.board}`);
  const result = await buildFirmware({
    board: options.board,
    sanitize: options.sanitize,
    ...(options.verbose ? { onOutput: (text: string) => process.stderr.write(text) } : {}),
  });
  const bytes = statSync(result.image).size;
  if (options.json)
    ctx.out(JSON.stringify({ board: result.board.name, image: result.image, bytes }));
  else ctx.out(result.image);
}
