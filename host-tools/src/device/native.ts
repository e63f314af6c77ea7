/**
 * Runs a POSIX board's build as a child process. It opens its own pty, announces it on
 * stderr and waits, like QEMU's -S, until resume() signals that the host has the pty open.
 * A board built for another CPU (raspi: aarch64) runs under its board.json "runner", a
 * user-mode emulator, unless this machine has that CPU; the emulator passes the pty, the
 * signals and the exit status through, so the contract is the same.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { BoardDescription } from "../boards.ts";
import { ToolError, UsageError } from "../errors.ts";
import { terminate, whenExited } from "./process.ts";
import type { TargetSession } from "./session.ts";

const announcement = /aios: uart on (\S+)/;
/** The process waits for this signal after announcing its pty (see hal/posix/cpu.c). */
const resumeSignal = "SIGUSR1";

/** Node's name for each CPU a board.json "cpu" may name; "host" is always this machine's. */
const nodeArch: Record<string, string> = { aarch64: "arm64", x86_64: "x64" };

/** The command line that runs `executable` here: itself, or the board's runner before it. */
export function processCommand(
  board: BoardDescription,
  executable: string,
  hostArch: string = process.arch,
): string[] {
  if (board.cpu === "host" || nodeArch[board.cpu] === hostArch) return [executable];
  if (board.runner === undefined || board.runner.length === 0) {
    throw new UsageError(
      `board '${board.name}' is built for ${board.cpu}, this machine is ${hostArch}, and its board.json names no "runner" to emulate it`,
    );
  }
  return [...board.runner, executable];
}

export interface NativeOptions {
  /** Keep running after this process exits (`aios flash`); stderr goes to `logFile`. */
  detached?: { logFile: string };
}

export async function launchNative(
  board: BoardDescription,
  executable: string,
  options: NativeOptions = {},
): Promise<TargetSession> {
  const logFile = options.detached?.logFile;
  const stderrTarget = logFile === undefined ? "pipe" : openSync(logFile, "w");
  // Persistent storage (hal/posix/flash_file.c) is one file per target: a flashed board keeps
  // it beside its log across sessions, a transient one gets its own and loses it at exit.
  const scratch = logFile === undefined ? mkdtempSync(join(tmpdir(), "aios-native-")) : undefined;
  const flashFile = join(scratch ?? dirname(logFile ?? "."), "flash.bin");
  const [command = executable, ...args] = processCommand(board, executable);
  const child = spawn(command, args, {
    // Under a runner the process resets through it too (hal/posix/runner.c).
    env: {
      ...process.env,
      AIOS_START_PAUSED: "1",
      AIOS_FLASH_FILE: flashFile,
      ...(args.length > 0 ? { AIOS_RUNNER: [command, ...args.slice(0, -1)].join("\n") } : {}),
    },
    stdio: ["ignore", "ignore", stderrTarget],
    detached: logFile !== undefined,
  });
  const exited = whenExited(child).then((how) => {
    if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
    return how;
  });
  let piped = "";
  child.stderr?.on("data", (d: Buffer) => {
    piped += d.toString();
  });
  const stderr = () => (logFile === undefined ? piped : readFileSync(logFile, "utf8"));
  const port = await new Promise<string>((resolve, reject) => {
    const deadline = Date.now() + 10_000;
    child.once("error", (e) =>
      reject(
        new ToolError(
          `cannot start ${command}: ${e.message}. Run: node host-tools/scripts/bootstrap.js`,
        ),
      ),
    );
    void exited.then((how) =>
      reject(new ToolError(`${executable} exited at start (${how}):\n${stderr()}`)),
    );
    const poll = setInterval(() => {
      const match = announcement.exec(stderr());
      if (match?.[1] !== undefined) {
        clearInterval(poll);
        resolve(match[1]);
      } else if (Date.now() > deadline) {
        clearInterval(poll);
        reject(new ToolError(`${executable} did not announce its pty:\n${stderr()}`));
      }
    }, 20);
  });
  if (logFile !== undefined) child.unref();
  return {
    board: board.name,
    port,
    pid: child.pid ?? 0,
    exited,
    resume: async () => {
      child.kill(resumeSignal);
    },
    stop: () => terminate(child, exited),
    diagnostics: stderr,
  };
}
