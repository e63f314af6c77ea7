/**
 * `npm run bench:size`: builds every board with a memory map and prints the flash and RAM its
 * image takes (arm-none-eabi-size) against the board's capacity from board.json, against the
 * targets (flash including kernel.wasm and the agent images <= 128 KiB; RAM before agents
 * <= 48 KiB, so the firmware fits an STM32F4, an nRF52 or an RP2040) and against the previous
 * run's figures (kept in build/bench/firmware-size.json). "RAM before agents" leaves out the
 * agent slot pools (agents.c's store, with the alignment padding its fault domain forces before
 * it, from the linker map); those are listed apart, as is the kernel's store (its compiled
 * module, instance, linear memory and the region arena). POSIX boards (native, raspi) run as
 * processes and have no fixed capacity, so they are not listed. A board whose image does not
 * fit is listed with what the linker says it needed.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { listBoards, loadBoard } from "../../host-tools/src/boards.ts";
import { buildDirFor, buildFirmware } from "../../host-tools/src/build/firmware.ts";
import { buildRoot } from "../../host-tools/src/paths.ts";
import { type ImageSize, imageSize } from "../boards/elf-size.ts";

const FLASH_TARGET = 128 * 1024;
const RAM_TARGET = 48 * 1024;
const previousFile = join(buildRoot, "bench/firmware-size.json");

function kib(bytes: number): string {
  return Number.isNaN(bytes) ? "-" : `${(bytes / 1024).toFixed(1)} KiB`;
}

function share(used: number, capacity: number): string {
  return `${((100 * used) / capacity).toFixed(2)}%`;
}

/** The linker's --print-memory-usage lines ("RAM: 948336 B  128 KB  723.52%"), in bytes. */
function linkerUsage(log: string, region: string): number {
  const match = new RegExp(`\\b${region}:\\s+(\\d+) B`).exec(log);
  return Number(match?.[1] ?? Number.NaN);
}

interface Pools {
  /** The agent slot pools and the padding their alignment puts before them. */
  agents: number;
  /** kernel_host.c's store: the kernel's pools and the region arena. */
  kernel: number;
}

/** The `.bss.store` input sections of agents.c and kernel_host.c in the linker map. */
function pools(mapFile: string): Pools {
  if (!existsSync(mapFile)) return { agents: Number.NaN, kernel: Number.NaN };
  const sections = [
    ...readFileSync(mapFile, "utf8").matchAll(
      /^ (\.\S+)\s+0x([0-9a-f]+)\s+0x([0-9a-f]+) \S*\((\w+)\.c\.obj\)$/gm,
    ),
  ].map((m) => ({
    name: m[1],
    start: Number.parseInt(m[2] ?? "", 16),
    size: Number.parseInt(m[3] ?? "", 16),
    file: m[4],
  }));
  const store = (file: string) =>
    sections.find((s) => s.name === ".bss.store" && s.file === file && s.size > 0);
  const agents = store("agents");
  const kernel = store("kernel_host");
  if (agents === undefined || kernel === undefined) {
    return { agents: Number.NaN, kernel: Number.NaN };
  }
  const before = Math.max(
    ...sections
      .filter((s) => s.start < agents.start && s.start >= kernel.start)
      .map((s) => s.start + s.size),
  );
  return { agents: agents.start + agents.size - before, kernel: kernel.size };
}

function readPrevious(): Record<string, { flash: number; ramBeforeAgents: number }> {
  try {
    return JSON.parse(readFileSync(previousFile, "utf8"));
  } catch {
    return {};
  }
}

const previous = readPrevious();
const figures: Record<string, { flash: number; ramBeforeAgents: number }> = {};
const rows: string[][] = [
  [
    "board",
    "cpu",
    "flash",
    "of",
    "used",
    "RAM",
    "of",
    "used",
    "before agents",
    "kernel store",
    "agent pools",
    "",
  ],
];
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
  const { agents, kernel } = pools(join(buildDirFor(name), `aios-${name}.map`));
  const beforeAgents = size.ram - agents;
  figures[name] = { flash: size.flash, ramBeforeAgents: beforeAgents };
  const was = previous[name];
  const versus = (now: number, then: number | undefined) =>
    then === undefined || then === now ? "" : ` (was ${kib(then)})`;
  rows.push([
    name,
    board.cpu,
    `${kib(size.flash)}${versus(size.flash, was?.flash)}`,
    kib(size.flashCapacity),
    share(size.flash, size.flashCapacity),
    kib(size.ram),
    kib(size.ramCapacity),
    share(size.ram, size.ramCapacity),
    `${kib(beforeAgents)}${versus(beforeAgents, was?.ramBeforeAgents)}`,
    kib(kernel),
    kib(agents),
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
process.stdout.write(
  `\ntargets: flash (including kernel.wasm and the agent images) <= ${kib(FLASH_TARGET)}; RAM before agents <= ${kib(RAM_TARGET)}\n`,
);
for (const [name, figure] of Object.entries(figures)) {
  const misses = [
    figure.flash > FLASH_TARGET ? `flash ${kib(figure.flash - FLASH_TARGET)} over` : "",
    !(figure.ramBeforeAgents <= RAM_TARGET)
      ? `RAM before agents ${kib(figure.ramBeforeAgents - RAM_TARGET)} over`
      : "",
  ].filter((m) => m !== "");
  process.stdout.write(
    `  ${name.padEnd(16)} ${misses.length === 0 ? "meets both" : misses.join(", ")}\n`,
  );
}
mkdirSync(dirname(previousFile), { recursive: true });
writeFileSync(previousFile, `${JSON.stringify(figures, null, 2)}\n`);
