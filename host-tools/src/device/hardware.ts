/**
 * `aios flash` for boards that are not emulated: the RP2040's UF2 drive or picotool, OpenOCD for
 * boards with an SWD probe, and installing the Linux build on the machine it runs on (a
 * Raspberry Pi). Each either finishes the job or says exactly which tool, drive or permission is
 * missing; none of them leaves a half-written file where the board or the system would use it.
 */
import { spawn } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from "node:fs";
import { homedir } from "node:os";
import { basename, delimiter, join } from "node:path";
import type { BoardDescription } from "../boards.ts";
import { boardsDir } from "../boards.ts";
import { ToolError, UsageError } from "../errors.ts";

/** The UF2 bootloader's drive names its board in INFO_UF2.TXT ("Board-ID: RPI-RP2"). */
const uf2BoardId = /^Board-ID:\s*(\S+)/m;

/** Where a command would run from, or undefined when it is not on PATH. */
export function findTool(name: string, path = process.env.PATH ?? ""): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (dir !== "" && existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/** Mount points in /proc/mounts, with its octal escapes (\040 for a space) undone. */
export function mountPoints(mounts: string): string[] {
  return mounts
    .split("\n")
    .map((line) => line.split(" ")[1])
    .filter((field): field is string => field !== undefined && field !== "")
    .map((field) =>
      field.replace(/\\([0-7]{3})/g, (_, octal) => String.fromCharCode(Number.parseInt(octal, 8))),
    );
}

/** The board id a mounted UF2 drive declares, or undefined when `dir` is not one. */
export function uf2DriveBoardId(dir: string): string | undefined {
  const info = join(dir, "INFO_UF2.TXT");
  if (!existsSync(info)) return undefined;
  return uf2BoardId.exec(readFileSync(info, "utf8"))?.[1];
}

/** Mounted drives whose bootloader is `boardId`: Linux mounts, then macOS volumes. */
export function findUf2Drives(boardId: string): string[] {
  const candidates = existsSync("/proc/mounts")
    ? mountPoints(readFileSync("/proc/mounts", "utf8"))
    : [];
  candidates.push(join("/Volumes", boardId));
  return candidates.filter((dir) => uf2DriveBoardId(dir) === boardId);
}

export interface FlashOutcome {
  board: string;
  /** How the image went on: "uf2-drive", "picotool", "openocd", "installed", "service". */
  method: string;
  image: string;
  /** The drive, executable or unit file written. */
  destination: string;
}

/** Runs a flashing tool, passing its output on; fails with the tool's last lines. */
function runTool(
  command: string,
  args: string[],
  onOutput: (text: string) => void,
  hint: string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let tail = "";
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    const collect = (d: Buffer) => {
      onOutput(d.toString());
      tail = (tail + d.toString()).slice(-2000);
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", (e) => reject(new ToolError(`cannot run ${command}: ${e.message}`)));
    child.on("close", (code) =>
      code === 0
        ? resolve()
        : reject(
            new ToolError(
              `${basename(command)} ${args.join(" ")} failed (exit ${code}). ${hint}\n${tail.trimEnd()}`,
            ),
          ),
    );
  });
}

export interface Uf2Options {
  /** A mounted UF2 drive to write to, instead of looking for one. */
  drive?: string;
  onOutput?: (text: string) => void;
}

/** RP2040: copy the UF2 to the BOOTSEL drive, or load it with picotool when no drive is mounted. */
export async function flashUf2(
  board: BoardDescription,
  uf2: string,
  options: Uf2Options = {},
): Promise<FlashOutcome> {
  const boardId = board.flash.boardId ?? "RPI-RP2";
  if (!existsSync(uf2)) throw new ToolError(`no UF2 file at ${uf2}: the build did not make one`);
  let drive = options.drive;
  if (drive !== undefined && uf2DriveBoardId(drive) !== boardId) {
    throw new UsageError(
      `${drive} is not a ${boardId} UF2 drive (no INFO_UF2.TXT naming Board-ID: ${boardId})`,
    );
  }
  drive ??= findUf2Drives(boardId)[0];
  if (drive !== undefined) {
    // The bootloader flashes blocks as they arrive and reboots after the last one, so the
    // file is written in one go under its final name.
    const destination = join(drive, basename(uf2));
    copyFileSync(uf2, destination);
    return { board: board.name, method: "uf2-drive", image: uf2, destination };
  }
  const picotool = findTool("picotool");
  if (picotool === undefined) {
    throw new ToolError(
      `no ${boardId} drive is mounted and picotool is not installed. Hold BOOTSEL while plugging the ${board.name} in so its drive appears (or pass --drive <mount point>), or install picotool`,
    );
  }
  await runTool(
    picotool,
    ["load", "-v", "-x", uf2],
    options.onOutput ?? (() => {}),
    `Is the ${board.name} connected in BOOTSEL mode (hold BOOTSEL while plugging it in)?`,
  );
  return { board: board.name, method: "picotool", image: uf2, destination: "usb" };
}

/** Boards with an SWD probe: OpenOCD with the board's configuration programs, verifies, resets. */
export async function flashOpenocd(
  board: BoardDescription,
  elf: string,
  onOutput: (text: string) => void = () => {},
): Promise<FlashOutcome> {
  const config = board.flash.config;
  if (config === undefined) {
    throw new UsageError(`board '${board.name}' flashes with OpenOCD but names no "config"`);
  }
  const openocd = findTool("openocd");
  if (openocd === undefined) {
    throw new ToolError(
      `openocd is not installed; it flashes the ${board.name} through its probe (Debian: apt-get install openocd)`,
    );
  }
  await runTool(
    openocd,
    ["-f", join(boardsDir, board.name, config), "-c", `program ${elf} verify reset exit`],
    onOutput,
    `Is the ${board.name} plugged in and its probe free (no other debugger attached)?`,
  );
  return { board: board.name, method: "openocd", image: elf, destination: "swd" };
}

export interface InstallOptions {
  /** Folder for the executable; /usr/local/bin as root, else ~/.local/bin. */
  prefix?: string;
  /** Install and start a systemd unit instead of running it in the foreground. */
  service?: boolean;
  /** Where the unit file goes (/etc/systemd/system). */
  unitDir?: string;
  onOutput?: (text: string) => void;
}

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

export function defaultPrefix(): string {
  return isRoot() ? "/usr/local/bin" : join(homedir(), ".local", "bin");
}

/** The board's unit file with ExecStart pointing at the installed executable. */
export function unitFor(board: BoardDescription, executable: string): string {
  const template = join(boardsDir, board.name, "aios.service");
  if (!existsSync(template)) {
    throw new UsageError(
      `board '${board.name}' has no systemd unit (boards/${board.name}/aios.service)`,
    );
  }
  return readFileSync(template, "utf8").replace(/^ExecStart=.*$/m, `ExecStart=${executable}`);
}

/** Linux boards, on the machine itself: installs the executable; with `service`, as a unit. */
export async function installLinux(
  board: BoardDescription,
  executable: string,
  options: InstallOptions = {},
): Promise<FlashOutcome> {
  const prefix = options.prefix ?? defaultPrefix();
  mkdirSync(prefix, { recursive: true });
  const installed = join(prefix, basename(executable));
  // A running copy keeps its inode: the new one goes in beside it and takes the name at once.
  const staging = `${installed}.new`;
  copyFileSync(executable, staging);
  chmodSync(staging, 0o755);
  renameSync(staging, installed);
  if (options.service !== true) {
    return { board: board.name, method: "installed", image: executable, destination: installed };
  }
  const unitDir = options.unitDir ?? "/etc/systemd/system";
  const systemctl = findTool("systemctl");
  if (systemctl === undefined) {
    throw new ToolError(
      "systemctl is not available: this system does not run systemd; run it in the foreground instead (without --service)",
    );
  }
  const unit = join(unitDir, "aios.service");
  try {
    writeFileSync(`${unit}.new`, unitFor(board, installed));
    renameSync(`${unit}.new`, unit);
  } catch (error) {
    throw new UsageError(
      `cannot write ${unit} (${(error as Error).message}); installing a service needs root: sudo npx aios flash --board ${board.name} --service`,
    );
  }
  const onOutput = options.onOutput ?? (() => {});
  await runTool(systemctl, ["daemon-reload"], onOutput, "");
  await runTool(systemctl, ["enable", "aios.service"], onOutput, "");
  // restart, not start: a unit already running must pick up the new executable.
  await runTool(systemctl, ["restart", "aios.service"], onOutput, "See: journalctl -u aios");
  return { board: board.name, method: "service", image: executable, destination: unit };
}
