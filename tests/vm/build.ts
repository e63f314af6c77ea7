/**
 * Builds the VM's host tools once (ASan + UBSan, clang so the libFuzzer harness is included)
 * into build/vm-host-asan. Safe to call from every test file and from parallel vitest workers:
 * a lock directory serialises the cmake runs, and an up-to-date tree builds in about a second.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
export const vmSourceDir = join(repoRoot, "firmware/vm");
export const vmBuildDir = join(repoRoot, "build/vm-host-asan");
/** The WebAssembly spec tests; override with AIOS_WASM_SPEC_DIR. */
export const specDir = process.env.AIOS_WASM_SPEC_DIR ?? "/work/shared/wasm-spec";

const lockDir = join(repoRoot, "build/.vm-host-asan.lock");
const staleLockMs = 15 * 60 * 1000;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function acquireLock(): void {
  mkdirSync(join(repoRoot, "build"), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lockDir);
      return;
    } catch {
      // a crashed holder leaves the directory behind: take it over once it is stale
      const since = statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - since > staleLockMs) rmSync(lockDir, { recursive: true, force: true });
      sleep(200);
    }
  }
}

function cmake(args: string[]): void {
  const run = spawnSync("cmake", args, { encoding: "utf8" });
  if (run.status !== 0) {
    throw new Error(`cmake ${args.join(" ")} failed:\n${run.stdout}\n${run.stderr}`);
  }
}

/**
 * Configure (first time) and build the host targets; returns the build directory. The default
 * tree has everything; the "switch" tree builds the spec runner with the switch dispatch that
 * -Os firmware builds use, so both interpreter loops are tested.
 */
export function ensureVmBuilt(dispatch: "auto" | "switch" = "auto"): string {
  const dir = dispatch === "auto" ? vmBuildDir : `${vmBuildDir}-switch`;
  acquireLock();
  try {
    if (!existsSync(join(dir, "CMakeCache.txt"))) {
      cmake([
        "-S",
        vmSourceDir,
        "-B",
        dir,
        "-DCMAKE_C_COMPILER=clang",
        "-DAIOS_SANITIZE=ON",
        "-DCMAKE_BUILD_TYPE=RelWithDebInfo",
        `-DAIOS_VM_DISPATCH=${dispatch}`,
      ]);
    }
    cmake(["--build", dir, "-j2", ...(dispatch === "auto" ? [] : ["--target", "aios-vm-spec"])]);
  } finally {
    rmdirSync(lockDir);
  }
  return dir;
}

export function vmTool(name: "aios-vm" | "aios-vm-spec" | "aios-vm-unit" | "aios-vm-fuzz"): string {
  return join(ensureVmBuilt(), name);
}

/** Sanitizer reports in a tool's stderr (they also make it exit non-zero). */
export function sanitizerReports(stderr: string): string[] {
  return stderr
    .split("\n")
    .filter((line) => /AddressSanitizer|LeakSanitizer|runtime error:|UndefinedBehavior/.test(line));
}
