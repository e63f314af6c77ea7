/** The aios-vm command-line runner: results, errors and exit codes. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sanitizerReports, specDir, vmTool } from "./build.ts";

function vm(...args: string[]) {
  const run = spawnSync(vmTool("aios-vm"), args, { encoding: "utf8" });
  expect(sanitizerReports(run.stderr)).toEqual([]);
  return run;
}

const fac = join(specDir, "fac/fac.0.wasm");
const i32 = join(specDir, "i32/i32.0.wasm");
const haveSpec = existsSync(fac) && existsSync(i32);

describe("aios-vm run", () => {
  it.skipIf(!haveSpec)("prints the results of an exported function as type:value", () => {
    const run = vm("run", fac, "--invoke", "fac-rec", "20");
    expect(run.stdout.trim()).toBe("i64:2432902008176640000");
    expect(run.status).toBe(0);
    expect(vm("run", i32, "--invoke", "add", "i32:40", "2").stdout.trim()).toBe("i32:42");
  });

  it.skipIf(!haveSpec)(
    "--fuel runs in slices, reports the yields and gives the same result",
    () => {
      const run = vm("run", fac, "--invoke", "fac-iter", "i64:25", "--fuel", "3");
      expect(run.stdout.trim()).toBe("i64:7034535277573963776");
      const yields = Number(/yields (\d+)/.exec(run.stderr)?.[1]);
      expect(yields).toBeGreaterThan(5);
      expect(run.status).toBe(0);
    },
  );

  it.skipIf(!haveSpec)("a trap exits 1 and names the trap", () => {
    const run = vm("run", i32, "--invoke", "div_s", "1", "0");
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/integer divide by zero \(TRAP_INTEGER_DIVIDE_BY_ZERO\)/);
  });

  it.skipIf(!haveSpec)("a truncated module exits 2 with the error and its byte offset", () => {
    const dir = mkdtempSync(join(tmpdir(), "vm-cli-"));
    const bytes = readFileSync(fac);
    writeFileSync(join(dir, "cut.wasm"), bytes.subarray(0, bytes.length - 5));
    const run = vm("run", join(dir, "cut.wasm"), "--invoke", "fac-rec", "1");
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/invalid module: .* at byte offset \d+/);
  });

  it("a module with an import nobody provides exits 2 as unlinkable", () => {
    const dir = mkdtempSync(join(tmpdir(), "vm-cli-"));
    // (module (import "env" "missing" (func)))
    const module = Uint8Array.from([
      0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 4, 1, 0x60, 0, 0, 2, 15, 1, 3, 0x65, 0x6e, 0x76, 7, 0x6d,
      0x69, 0x73, 0x73, 0x69, 0x6e, 0x67, 0, 0,
    ]);
    writeFileSync(join(dir, "import.wasm"), module);
    const run = vm("run", join(dir, "import.wasm"));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/import env\.missing: unknown import/);
  });

  it("bad usage exits 2 with the usage line", () => {
    const run = vm("frobnicate");
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/usage: aios-vm run/);
  });

  if (!haveSpec) it.todo(`pending: needs the spec tests at ${specDir}`);
});
