/**
 * The native replay host (replay.h): built here with CMake (clang, ASan + UBSan) into
 * build/kernel-replay, and run on a scenario's script. An up-to-date tree builds in about a
 * second.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "../sim/build.ts";
import { replayScript, type ScenarioStep } from "../sim/scenario.ts";

const sourceDir = join(repoRoot, "tests/kernel/native");
const buildDir = join(repoRoot, "build/kernel-replay");
export const replayHost = join(buildDir, "aios-replay");

function cmake(args: string[]): void {
  const run = spawnSync("cmake", args, { encoding: "utf8" });
  if (run.status !== 0)
    throw new Error(`cmake ${args.join(" ")} failed:\n${run.stdout}\n${run.stderr}`);
}

export function ensureReplayBuilt(): string {
  if (!existsSync(join(buildDir, "CMakeCache.txt"))) {
    cmake(["-S", sourceDir, "-B", buildDir, "-DCMAKE_C_COMPILER=clang"]);
  }
  cmake(["--build", buildDir, "-j2"]);
  return replayHost;
}

/** Runs the scenario in our VM; returns the frame log in Board.log()'s form. */
export function replayNative(steps: readonly ScenarioStep[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), "aios-replay-"));
  try {
    const script = join(dir, "scenario.replay");
    writeFileSync(script, replayScript(steps));
    const run = spawnSync(replayHost, [script], { encoding: "utf8", maxBuffer: 64 << 20 });
    if (run.status !== 0) {
      throw new Error(`aios-replay failed (${run.status ?? run.signal}):\n${run.stderr}`);
    }
    return run.stdout.split("\n").filter((line) => line !== "");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
