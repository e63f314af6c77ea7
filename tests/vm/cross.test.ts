/** The VM library cross-compiles cleanly (-Wall -Wextra -Werror, -Os) for every Cortex-M core. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, vmSourceDir } from "./build.ts";

const cores = ["cortex-m0plus", "cortex-m3", "cortex-m4", "cortex-m7", "cortex-m33"];

function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { encoding: "utf8" });
  return { ok: r.status === 0, output: `${r.stdout}\n${r.stderr}` };
}

describe("cross builds", () => {
  for (const cpu of cores) {
    it(`libaios_vm.a builds for ${cpu} at -Os without warnings`, () => {
      const dir = join(repoRoot, `build/vm-cross-${cpu}`);
      const configure = run("cmake", [
        "-S",
        vmSourceDir,
        "-B",
        dir,
        `-DCMAKE_TOOLCHAIN_FILE=${join(repoRoot, "firmware/cmake/arm-none-eabi.cmake")}`,
        `-DAIOS_CPU=${cpu}`,
        "-DCMAKE_BUILD_TYPE=MinSizeRel",
      ]);
      expect(configure.ok, configure.output).toBe(true);
      const build = run("cmake", ["--build", dir, "-j2"]);
      expect(build.ok, build.output).toBe(true);
      expect(build.output).not.toMatch(/warning:/);
      const size = run("arm-none-eabi-size", ["-t", join(dir, "libaios_vm.a")]);
      const totals = size.output.split("\n").find((l) => l.includes("(TOTALS)")) ?? "";
      const [text = 0, data = 0] = totals.trim().split(/\s+/).map(Number);
      console.log(`${cpu}: libaios_vm.a text+data ${text + data} bytes`);
      expect(text).toBeGreaterThan(10000);
    });
  }
});
