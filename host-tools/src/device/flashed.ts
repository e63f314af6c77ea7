/**
 * Targets started by `aios flash` outlive the command: build/<board>/session.json records
 * them so that `aios monitor --board` attaches to the same emulator instead of starting another,
 * and `aios flash --stop` ends it.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildDirFor } from "../build/firmware.ts";
import { resumeOverQmp } from "./qemu.ts";

export interface FlashedTarget {
  board: string;
  pid: number;
  port: string;
  qmpPath?: string;
}

function sessionFile(board: string): string {
  return join(buildDirFor(board), "session.json");
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function recordFlashed(target: FlashedTarget): void {
  writeFileSync(sessionFile(target.board), `${JSON.stringify(target, null, 2)}\n`);
}

/** The target `aios flash` left running for `board`, if it still runs. */
export function findFlashed(board: string): FlashedTarget | undefined {
  const file = sessionFile(board);
  if (!existsSync(file)) return undefined;
  const target = JSON.parse(readFileSync(file, "utf8")) as FlashedTarget;
  if (alive(target.pid)) return target;
  rmSync(file, { force: true });
  return undefined;
}

/** Starts a paused target: QEMU over QMP, the native process with its resume signal. */
export async function resumeFlashed(target: FlashedTarget): Promise<void> {
  if (target.qmpPath !== undefined) await resumeOverQmp(target.qmpPath);
  else process.kill(target.pid, "SIGUSR1");
}

export async function stopFlashed(board: string): Promise<boolean> {
  const target = findFlashed(board);
  if (target === undefined) return false;
  process.kill(target.pid, "SIGTERM");
  for (let i = 0; i < 50 && alive(target.pid); i++) await new Promise((r) => setTimeout(r, 50));
  if (alive(target.pid)) process.kill(target.pid, "SIGKILL");
  rmSync(sessionFile(board), { force: true });
  return true;
}
