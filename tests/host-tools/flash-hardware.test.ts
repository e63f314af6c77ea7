/**
 * `aios flash` for boards that are not emulated. No Pico, Nucleo or Pi is attached here, so the
 * parts a board would see are stood in for by what the tools talk to: a folder that looks like
 * the RP2040's BOOTSEL drive, and picotool, openocd and systemctl replaced by scripts on PATH
 * that record their arguments. The builds, the files written and the commands run are real.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBoard } from "../../host-tools/src/boards.ts";
import { buildFirmware } from "../../host-tools/src/build/firmware.ts";
import {
  findUf2Drives,
  flashOpenocd,
  installLinux,
  mountPoints,
} from "../../host-tools/src/device/hardware.ts";
import { ExitCode, ToolError } from "../../host-tools/src/errors.ts";
import { repoRoot } from "../../host-tools/src/paths.ts";
import { runAios } from "../support/aios-cli.ts";

const scratch = mkdtempSync(join(repoRoot, "build", "flash-hardware-"));
const fakeBin = join(scratch, "bin");
const calls = join(scratch, "calls.log");

/** A stand-in for a flashing tool: appends "<name> <args>" to calls.log, exits `code`. */
function fakeTool(name: string, code = 0): void {
  mkdirSync(fakeBin, { recursive: true });
  const script = join(fakeBin, name);
  writeFileSync(script, `#!/bin/sh\necho "${name} $*" >> "${calls}"\nexit ${code}\n`);
  chmodSync(script, 0o755);
}

function recorded(): string[] {
  try {
    return readFileSync(calls, "utf8").trim().split("\n");
  } catch {
    return [];
  }
}

/** A folder laid out as the RP2040 bootloader's mass-storage drive. */
function bootselDrive(name: string, boardId = "RPI-RP2"): string {
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, "INFO_UF2.TXT"),
    `UF2 Bootloader v3.0\nModel: Raspberry Pi RP2\nBoard-ID: ${boardId}\n`,
  );
  return dir;
}

/** `aios` with the fake tools first on PATH (or `path` as the whole PATH). */
const aios = (args: string[], path = `${fakeBin}:${process.env.PATH ?? ""}`) =>
  runAios(args, { PATH: path });

let uf2: Buffer;

beforeAll(async () => {
  const build = await buildFirmware({ board: "pico" });
  uf2 = readFileSync(join(build.buildDir, "aios-pico.uf2"));
}, 300_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("aios flash on real boards", { timeout: 120_000 }, () => {
  it("pico: copies the UF2 onto the BOOTSEL drive it is given", async () => {
    const drive = bootselDrive("RPI-RP2");
    const run = await aios(["flash", "--board", "pico", "--drive", drive, "--json"]);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ method: "uf2-drive", board: "pico" });
    expect(readFileSync(join(drive, "aios-pico.uf2")).equals(uf2)).toBe(true);
  });

  it("pico: refuses a drive whose bootloader is another board's, and writes nothing", async () => {
    const drive = bootselDrive("OTHER", "NRF52-BOOT");
    const run = await aios(["flash", "--board", "pico", "--drive", drive]);
    expect(run.code).toBe(ExitCode.usage);
    expect(run.stderr).toMatch(/not a RPI-RP2 UF2 drive/);
    expect(() => readFileSync(join(drive, "aios-pico.uf2"))).toThrow();
  });

  it("pico: loads the UF2 with picotool when no drive is mounted", async () => {
    rmSync(calls, { force: true });
    fakeTool("picotool");
    const run = await aios(["flash", "--board", "pico", "--json"]);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ method: "picotool" });
    expect(recorded()).toEqual([
      `picotool load -v -x ${join(repoRoot, "build/pico/aios-pico.uf2")}`,
    ]);
  });

  it("pico: a failing picotool is a tool error that says how to put the board in BOOTSEL", async () => {
    fakeTool("picotool", 2);
    const run = await aios(["flash", "--board", "pico"]);
    expect(run.code).toBe(ExitCode.tool);
    expect(run.stderr).toMatch(/BOOTSEL/);
    rmSync(join(fakeBin, "picotool"));
  });

  it("pico: with neither a drive nor picotool it says what to do and exits with the tool code", async () => {
    // Only what the build itself needs on PATH: node, cmake, the compilers.
    const run = await aios(["flash", "--board", "pico"], "/usr/local/bin:/usr/bin:/bin");
    expect(run.code).toBe(ExitCode.tool);
    expect(run.stderr).toMatch(/no RPI-RP2 drive is mounted and picotool is not installed/);
  });

  it("finds mounted UF2 drives from the mount table, spaces and all", () => {
    expect(
      mountPoints("/dev/sda1 / ext4 rw 0 0\n/dev/sdb1 /media/pi/RPI\\040RP2 vfat rw 0 0\n"),
    ).toEqual(["/", "/media/pi/RPI RP2"]);
    expect(findUf2Drives("NO-SUCH-BOARD")).toEqual([]);
  });

  it("nucleo-f446re: OpenOCD programs, verifies and resets with the board's configuration", async () => {
    rmSync(calls, { force: true });
    fakeTool("openocd");
    const saved = process.env.PATH;
    process.env.PATH = `${fakeBin}:${saved ?? ""}`;
    try {
      const board = loadBoard("nucleo-f446re");
      const outcome = await flashOpenocd(board, "/images/aios-nucleo-f446re.elf");
      expect(outcome.method).toBe("openocd");
      expect(recorded()).toEqual([
        `openocd -f ${join(repoRoot, "boards/nucleo-f446re/openocd.cfg")} -c program /images/aios-nucleo-f446re.elf verify reset exit`,
      ]);
      rmSync(join(fakeBin, "openocd"));
      const missing = await flashOpenocd(board, "/images/aios-nucleo-f446re.elf").catch((e) => e);
      expect(missing).toBeInstanceOf(ToolError);
      expect(String(missing)).toMatch(/openocd is not installed/);
    } finally {
      process.env.PATH = saved;
    }
  });

  it("raspi: --service installs the executable and a unit that runs it, then starts it with systemctl", async () => {
    rmSync(calls, { force: true });
    fakeTool("systemctl");
    const prefix = join(scratch, "prefix");
    const unitDir = join(scratch, "units");
    mkdirSync(unitDir, { recursive: true });
    const saved = process.env.PATH;
    process.env.PATH = `${fakeBin}:${saved ?? ""}`;
    try {
      const build = await buildFirmware({ board: "raspi" });
      const outcome = await installLinux(build.board, build.image, {
        prefix,
        service: true,
        unitDir,
      });
      expect(outcome).toMatchObject({
        method: "service",
        destination: join(unitDir, "aios.service"),
      });
      expect(readFileSync(join(prefix, "aios-raspi")).equals(readFileSync(build.image))).toBe(true);
      const unit = readFileSync(join(unitDir, "aios.service"), "utf8");
      expect(unit).toMatch(new RegExp(`^ExecStart=${join(prefix, "aios-raspi")}$`, "m"));
      expect(unit).toMatch(/^Restart=on-failure$/m);
      expect(recorded()).toEqual([
        "systemctl daemon-reload",
        "systemctl enable aios.service",
        "systemctl restart aios.service",
      ]);
    } finally {
      process.env.PATH = saved;
    }
  }, 300_000);

  it("raspi: --install puts the executable in the prefix and starts it there, paused for the monitor", async () => {
    const prefix = join(scratch, "foreground");
    const flashed = await aios([
      "flash",
      "--board",
      "raspi",
      "--install",
      "--prefix",
      prefix,
      "--json",
    ]);
    expect(flashed.code, flashed.stderr).toBe(0);
    expect(flashed.stderr).toContain(`installed ${join(prefix, "aios-raspi")}`);
    try {
      const monitor = await aios([
        "monitor",
        "--board",
        "raspi",
        "--json",
        "--until",
        "heartbeat",
        "--timeout",
        "60",
      ]);
      expect(monitor.code, monitor.stderr).toBe(0);
      expect(monitor.stdout).toContain('"kind":"boot"');
    } finally {
      expect((await aios(["flash", "--board", "raspi", "--stop"])).code).toBe(0);
    }
  });
});
