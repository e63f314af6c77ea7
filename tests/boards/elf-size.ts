/** Flash and RAM an ELF takes, from arm-none-eabi-size, against its board's capacity. */
import { execFileSync } from "node:child_process";
import type { BoardDescription } from "../../host-tools/src/boards.ts";

export interface ImageSize {
  /** Bytes in flash: code and constants (text) plus the initial values of data. */
  flash: number;
  /** Bytes of RAM: data, bss, and the NOLOAD sections (.noinit, the stack). */
  ram: number;
  flashCapacity: number;
  ramCapacity: number;
}

/** Berkeley format: "text data bss dec hex filename" on the second line. */
export function imageSize(board: BoardDescription, elf: string): ImageSize {
  if (board.memory === undefined) throw new Error(`board '${board.name}' has no memory map`);
  const output = execFileSync("arm-none-eabi-size", ["-B", elf], { encoding: "utf8" });
  const fields = output.trim().split("\n")[1]?.trim().split(/\s+/).map(Number) ?? [];
  const [text = Number.NaN, data = Number.NaN, bss = Number.NaN] = fields;
  return {
    flash: text + data,
    ram: data + bss,
    flashCapacity: board.memory.flash.length,
    ramCapacity: board.memory.ram.length,
  };
}
