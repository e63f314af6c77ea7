/** Starts the target a board description names: QEMU for emulated boards, a process for POSIX. */
import { join } from "node:path";
import type { BoardDescription } from "../boards.ts";
import { UsageError } from "../errors.ts";
import { launchNative } from "./native.ts";
import { launchQemu } from "./qemu.ts";
import type { TargetSession } from "./session.ts";

export interface LaunchOptions {
  icountShift?: number;
  /** Outlive this process, keeping sockets and logs in `buildDir` (`aios flash`). */
  detachedIn?: string;
}

export function launchTarget(
  board: BoardDescription,
  image: string,
  options: LaunchOptions = {},
): Promise<TargetSession> {
  const dir = options.detachedIn;
  if (board.qemu !== undefined) {
    return launchQemu(board, image, {
      ...(options.icountShift !== undefined ? { icountShift: options.icountShift } : {}),
      ...(dir !== undefined ? { detached: { workDir: dir } } : {}),
    });
  }
  if (board.hal === "posix") {
    return launchNative(
      board,
      image,
      dir !== undefined ? { detached: { logFile: join(dir, "target.log") } } : {},
    );
  }
  throw new UsageError(
    `board '${board.name}' is real hardware: flash it with its own tool, then use --port <path> to monitor it`,
  );
}
