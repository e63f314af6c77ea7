/** Boots a board for a test and connects to it the way a user would: serialport over its pty. */

import { loadBoard } from "../../host-tools/src/boards.ts";
import { buildDirFor, imagePath } from "../../host-tools/src/build/firmware.ts";
import type { TargetSession } from "../../host-tools/src/device/session.ts";
import { launchTarget } from "../../host-tools/src/device/targets.ts";
import type { TimedEvent } from "../../host-tools/src/monitor/format.ts";
import { DeviceChannel } from "../../host-tools/src/transport/channel.ts";
import { openSerial } from "../../host-tools/src/transport/serial.ts";

export interface BootedTarget {
  target: TargetSession;
  channel: DeviceChannel;
  close(): Promise<void>;
}

/**
 * POSIX targets built for this machine run the sanitizer build; the others the board's normal
 * image (a cross-built POSIX board runs under a user-mode emulator, where the sanitizers do
 * not). `onEvent` is attached before the target runs, so it sees the boot event too.
 */
export async function bootTarget(
  boardName: string,
  onEvent: (event: TimedEvent) => void,
): Promise<BootedTarget> {
  const board = loadBoard(boardName);
  const sanitized = board.hal === "posix" && board.toolchain === undefined;
  const target = await launchTarget(board, imagePath(board, buildDirFor(board.name, sanitized)));
  const link = await openSerial(target.port);
  const channel = new DeviceChannel(link);
  channel.onEvent(onEvent);
  await target.resume();
  return {
    target,
    channel,
    close: async () => {
      await link.close();
      await target.stop();
    },
  };
}
