/**
 * Runs the native (POSIX) build as a child process. It opens its own pty, announces it on
 * stderr and waits, like QEMU's -S, until resume() signals that the host has the pty open.
 */
import { spawn } from "node:child_process";
import { openSync, readFileSync } from "node:fs";
import type { BoardDescription } from "../boards.ts";
import { ToolError } from "../errors.ts";
import { terminate, whenExited } from "./process.ts";
import type { TargetSession } from "./session.ts";

const announcement = /aios: uart on (\S+)/;
/** The process waits for this signal after announcing its pty (see hal/posix/cpu.c). */
const resumeSignal = "SIGUSR1";

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
  const child = spawn(executable, [], {
    env: { ...process.env, AIOS_START_PAUSED: "1" },
    stdio: ["ignore", "ignore", stderrTarget],
    detached: logFile !== undefined,
  });
  const exited = whenExited(child);
  let piped = "";
  child.stderr?.on("data", (d: Buffer) => {
    piped += d.toString();
  });
  const stderr = () => (logFile === undefined ? piped : readFileSync(logFile, "utf8"));
  const port = await new Promise<string>((resolve, reject) => {
    const deadline = Date.now() + 10_000;
    child.once("error", (e) => reject(new ToolError(`cannot start ${executable}: ${e.message}`)));
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
