/**
 * `npm run bench:size`: builds every board with a memory map and prints the flash and RAM its
 * image takes (arm-none-eabi-size) against the board's capacity from board.json. POSIX boards
 * (native, raspi) run as processes and have no fixed capacity, so they are not listed. A board
 * whose image does not fit is listed with what the linker says it needed.
 */
import { listBoards, loadBoard } from "../../host-tools/src/boards.ts";
import { buildFirmware } from "../../host-tools/src/build/firmware.ts";
import { type ImageSize, imageSize } from "../boards/elf-size.ts";

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

function share(used: number, capacity: number): string {
  return `${((100 * used) / capacity).toFixed(2)}%`;
}

/** The linker's --print-memory-usage lines ("RAM: 948336 B  128 KB  723.52%"), in bytes. */
function linkerUsage(log: string, region: string): number {
  const match = new RegExp(`\\b${region}:\\s+(\\d+) B`).exec(log);
  return Number(match?.[1] ?? Number.NaN);
}

const rows: string[][] = [["board", "cpu", "flash", "of", "used", "RAM", "of", "used", ""]];
for (const name of listBoards()) {
  const board = loadBoard(name);
  if (board.memory === undefined) continue;
  let log = "";
  let size: ImageSize;
  let note = "";
  try {
    const onOutput = (text: string): void => {
      log += text;
    };
    const { image } = await buildFirmware({ board: name, onOutput });
    size = imageSize(board, image);
  } catch (error) {
    // An image that does not fit fails to link; the linker still says how much it needed.
    if (!/region `(FLASH|RAM)' overflowed/.test(log)) throw error;
    size = {
      flash: linkerUsage(log, "FLASH"),
      ram: linkerUsage(log, "RAM"),
      flashCapacity: board.memory.flash.length,
      ramCapacity: board.memory.ram.length,
    };
    note = "does not fit: the link fails";
  }
  rows.push([
    name,
    board.cpu,
    kib(size.flash),
    kib(size.flashCapacity),
    share(size.flash, size.flashCapacity),
    kib(size.ram),
    kib(size.ramCapacity),
    share(size.ram, size.ramCapacity),
    note,
  ]);
}
const widths = rows[0]?.map((_, column) =>
  Math.max(...rows.map((row) => row[column]?.length ?? 0)),
);
for (const row of rows) {
  process.stdout.write(
    `${row
      .map((cell, column) => cell.padEnd(widths?.[column] ?? 0))
      .join("  ")
      .trimEnd()}\n`,
  );
}
