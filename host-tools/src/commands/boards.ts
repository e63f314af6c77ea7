/** `aios boards`: the boards this tree can build for. */
import { listBoards, loadBoard } from "../boards.ts";
import type { CommandContext } from "./context.ts";

export async function boardsCommand(
  options: { json: boolean },
  ctx: CommandContext,
): Promise<void> {
  for (const name of listBoards()) {
    const board = loadBoard(name);
    if (options.json) {
      ctx.out(
        JSON.stringify({
          name,
          cpu: board.cpu,
          hal: board.hal,
          flash: board.flash.method,
          description: board.description,
        }),
      );
    } else {
      ctx.out(
        `${name.padEnd(16)} ${board.cpu.padEnd(12)} ${board.flash.method.padEnd(8)} ${board.description}`,
      );
    }
  }
}
