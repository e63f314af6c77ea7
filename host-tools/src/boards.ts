/** Board descriptions: boards/<name>/board.json, the same files the CMake build reads. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "./errors.ts";
import { repoRoot } from "./paths.ts";

export interface MemoryRegion {
  origin: string;
  length: number;
  what: string;
}

export interface BoardDescription {
  name: string;
  description: string;
  hal: "cortex-m" | "posix";
  cpu: string;
  clockHz?: number;
  memory?: { flash: MemoryRegion; ram: MemoryRegion };
  uart: { driver: string; base?: string; rxIrq?: number; baud?: number };
  qemu?: { system: string; machine: string };
  /** How `aios flash` puts the firmware on: "qemu", "process", "uf2" (with the bootloader's
   * Board-ID), "openocd" (with its config file in the board's folder). */
  flash: { method: string; boardId?: string; config?: string };
  /** A timer that fires the alarm when due (Cortex-M; without one the 1 ms SysTick does). */
  alarm?: { driver: string; base: string; irq: number };
  /** POSIX boards built for another CPU: firmware/cmake/<toolchain>.cmake cross-compiles. */
  toolchain?: string;
  /** POSIX boards built for another CPU: the emulator command that runs the executable on a
   * machine with a different CPU (`qemu-aarch64 -L /usr/aarch64-linux-gnu`). */
  runner?: string[];
}

export const boardsDir = join(repoRoot, "boards");
export const defaultBoard = "mps2-an386";

export function listBoards(): string[] {
  return readdirSync(boardsDir)
    .filter((name) => existsSync(join(boardsDir, name, "board.json")))
    .sort();
}

export function loadBoard(name: string): BoardDescription {
  const file = join(boardsDir, name, "board.json");
  if (!existsSync(file)) {
    throw new UsageError(`unknown board '${name}'. Known boards: ${listBoards().join(", ")}`);
  }
  return JSON.parse(readFileSync(file, "utf8")) as BoardDescription;
}
