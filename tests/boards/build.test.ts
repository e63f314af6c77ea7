/**
 * Every board builds; images fit the board's true flash and RAM; an image that does not fit
 * fails to link; the pico's UF2 is well formed and its boot2 carries the CRC the RP2040 boot
 * ROM checks. A board that cannot hold the firmware yet is reported pending with the measured
 * reason, and its build must still fail on RAM, so the note cannot outlive its cause.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { listBoards, loadBoard } from "../../host-tools/src/boards.ts";
import { buildFirmware } from "../../host-tools/src/build/firmware.ts";
import { parseUf2, rp2040FamilyId } from "../../host-tools/src/build/uf2.ts";
import { firmwareDir } from "../../host-tools/src/paths.ts";
import { crc32Mpeg2 } from "./crc32-mpeg2.ts";
import { imageSize } from "./elf-size.ts";

/** Boards whose image does not link yet: why, measured (boards/<name>/README.md), and the fix. */
const pending: Record<string, string> = {
  "nucleo-f446re":
    "its 128 KiB of SRAM cannot hold kernel.wasm as the VM loads it today: 98,304 B of " +
    "module arena (about 90,000 B kept, 79,000 B of it compiled code), 10,992 B of " +
    "instance state and 49,152 B of linear memory, 158,720 B with the pools rounded before any " +
    "agent or buffer. A compiled kernel module resident in flash would fix it: then only " +
    "instance state and linear memory take RAM",
};

const boards = listBoards();
const building = boards.filter((name) => pending[name] === undefined);
const cortexBoards = building.filter((name) => loadBoard(name).hal === "cortex-m");

describe("every board", () => {
  it("includes the real boards and the QEMU, native and Raspberry Pi ones", () => {
    expect(boards).toEqual(
      expect.arrayContaining([
        "mps2-an385",
        "mps2-an386",
        "mps2-an500",
        "mps2-an505",
        "native",
        "raspi",
        "pico",
        "nucleo-f446re",
      ]),
    );
  });

  it.each(building)("%s builds", async (name) => {
    const { image } = await buildFirmware({ board: name });
    expect(existsSync(image)).toBe(true);
  });

  it.each(cortexBoards)("%s fits the flash and RAM of its board.json", async (name) => {
    const board = loadBoard(name);
    const { image } = await buildFirmware({ board: name });
    const size = imageSize(board, image);
    expect(size.flash).toBeGreaterThan(0);
    expect(size.flash).toBeLessThanOrEqual(size.flashCapacity);
    expect(size.ram).toBeLessThanOrEqual(size.ramCapacity);
  });

  for (const [name, reason] of Object.entries(pending)) {
    it.todo(`${name} builds and fits: pending, ${reason}`);

    it(`${name} still overflows its RAM, the reason it is pending`, async () => {
      await expect(buildFirmware({ board: name })).rejects.toThrow(/region `RAM' overflowed/);
    });
  }
});

describe("pico", () => {
  const board = loadBoard("pico");
  const origin = Number(board.memory?.flash.origin);
  const length = board.memory?.flash.length ?? 0;

  it("yields a UF2 whose blocks are valid RP2040 blocks covering the image", async () => {
    const { buildDir } = await buildFirmware({ board: "pico" });
    const blocks = parseUf2(readFileSync(join(buildDir, "aios-pico.uf2")));
    const binary = readFileSync(join(buildDir, "aios-pico.bin"));
    expect(blocks.length).toBe(Math.ceil(binary.length / 256));
    blocks.forEach((block, index) => {
      expect(block.familyId).toBe(rp2040FamilyId);
      expect(block.payloadSize).toBe(256);
      expect(block.blockNumber).toBe(index);
      expect(block.blockCount).toBe(blocks.length);
      expect(block.targetAddress).toBe(origin + index * 256);
      expect(block.targetAddress + 256).toBeLessThanOrEqual(origin + length);
      expect(block.payload.subarray(0, 256)).toEqual(
        new Uint8Array(256).map((_, i) => binary[index * 256 + i] ?? 0),
      );
    });
  });

  it("starts flash with boot2: 252 bytes and their CRC-32 as the boot ROM computes it", async () => {
    expect(crc32Mpeg2(new TextEncoder().encode("123456789"))).toBe(0x0376e6e7);
    const { buildDir } = await buildFirmware({ board: "pico" });
    const boot2 = parseUf2(readFileSync(join(buildDir, "aios-pico.uf2")))[0]?.payload;
    expect(boot2).toBeDefined();
    const stored = new DataView(boot2?.buffer ?? new ArrayBuffer(256), boot2?.byteOffset).getUint32(
      252,
      true,
    );
    expect(stored).toBe(crc32Mpeg2(boot2?.subarray(0, 252) ?? new Uint8Array()));
  });

  it("has its vector table right after boot2, pointing into flash and RAM", async () => {
    const { buildDir } = await buildFirmware({ board: "pico" });
    const view = new DataView(readFileSync(join(buildDir, "aios-pico.bin")).buffer);
    const stackTop = view.getUint32(256, true);
    const reset = view.getUint32(260, true);
    expect(stackTop).toBeGreaterThan(Number(board.memory?.ram.origin));
    expect(reset & 1).toBe(1); // Thumb
    expect(reset).toBeGreaterThan(origin + 256);
    expect(reset).toBeLessThan(origin + length);
  });
});

describe("an image larger than the board", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  const board = "pico";

  /** Builds `board` with `padding` bytes of constants added (a test-only CMake option). */
  function buildPadded(padding: number): { status: number | null; output: string } {
    const dir = mkdtempSync(join(tmpdir(), "aios-oversize-"));
    dirs.push(dir);
    const configure = spawnSync(
      "cmake",
      [
        "-S",
        firmwareDir,
        "-B",
        dir,
        `-DAIOS_BOARD=${board}`,
        `-DAIOS_IMAGE_OVERSIZE_BYTES=${padding}`,
      ],
      { encoding: "utf8" },
    );
    expect(configure.status, configure.stderr).toBe(0);
    const build = spawnSync("cmake", ["--build", dir, "--parallel", "2"], { encoding: "utf8" });
    return { status: build.status, output: `${build.stdout}${build.stderr}` };
  }

  it("links when the padding still fits: the padding itself is not what fails", () => {
    const { status, output } = buildPadded(64 * 1024);
    expect(status, output).toBe(0);
  });

  it("fails to link, naming the overflowed flash region, when it does not fit", () => {
    const flash = loadBoard(board).memory?.flash.length ?? 0;
    const { status, output } = buildPadded(flash);
    expect(status).not.toBe(0);
    expect(output).toMatch(/region `FLASH' overflowed/);
  });
});
