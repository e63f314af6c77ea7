/**
 * `npm run bench:size`: builds every board with a memory map and prints the flash and RAM its
 * image takes (arm-none-eabi-size) against the board's capacity from board.json. POSIX boards
 * (native, raspi) run as processes and have no fixed capacity, so they are not listed.
 */
import { listBoards, loadBoard } from "../../host-tools/src/boards.ts";
import { buildFirmware } from "../../host-tools/src/build/firmware.ts";
import { imageSize } from "../boards/elf-size.ts";

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

function share(used: number, capacity: number): string {
  return `${((100 * used) / capacity).toFixed(2)}%`;
}

const rows: string[][] = [["board", "cpu", "flash", "of", "used", "RAM", "of", "used"]];
for (const name of listBoards()) {
  const board = loadBoard(name);
  if (board.memory === undefined) continue;
  const { image } = await buildFirmware({ board: name });
  const size = imageSize(board, image);
  rows.push([
    name,
    board.cpu,
    kib(size.flash),
    kib(size.flashCapacity),
    share(size.flash, size.flashCapacity),
    kib(size.ram),
    kib(size.ramCapacity),
    share(size.ram, size.ramCapacity),
  ]);
}
const widths = rows[0]?.map((_, column) =>
  Math.max(...rows.map((row) => row[column]?.length ?? 0)),
);
for (const row of rows) {
  process.stdout.write(
    `${row.map((cell, column) => cell.padEnd(widths?.[column] ?? 0)).join("  ")}\n`,
  );
}
