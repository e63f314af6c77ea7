/**
 * libFuzzer over load + validate + instantiate + run (with fuel, yields and snapshot
 * round-trips), seeded with the spec modules. A crash leaves its input under
 * build/vm-fuzz/artifacts/: minimise it and add it to tests/vm/fuzz-regressions/.
 * Longer runs: see firmware/vm/README.md.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, specDir, vmTool } from "./build.ts";

const seconds = Number(process.env.AIOS_VM_FUZZ_SECONDS ?? 60);
const work = join(repoRoot, "build/vm-fuzz");

function copySeeds(seeds: string): number {
  rmSync(seeds, { recursive: true, force: true });
  mkdirSync(seeds, { recursive: true });
  let n = 0;
  for (const dir of existsSync(specDir) ? readdirSync(specDir) : []) {
    const folder = join(specDir, dir);
    if (!existsSync(folder) || !dir.match(/^[\w-]+$/)) continue;
    for (const file of readdirSync(folder)) {
      if (!file.endsWith(".wasm")) continue;
      copyFileSync(join(folder, file), join(seeds, file));
      n++;
    }
  }
  return n;
}

describe("fuzzing", () => {
  it(
    `the fuzzer finds no crash, leak or sanitizer report in ${seconds} s`,
    () => {
      const fuzzer = vmTool("aios-vm-fuzz");
      const corpus = join(work, "corpus");
      const seeds = join(work, "seeds");
      const artifacts = join(work, "artifacts");
      mkdirSync(corpus, { recursive: true });
      mkdirSync(artifacts, { recursive: true });
      const nseeds = copySeeds(seeds);
      const run = spawnSync(
        fuzzer,
        [
          `-max_total_time=${seconds}`,
          "-rss_limit_mb=2048",
          "-max_len=65536",
          "-timeout=10",
          `-artifact_prefix=${artifacts}/`,
          "-print_final_stats=1",
          corpus,
          seeds,
        ],
        { encoding: "utf8", maxBuffer: 256 << 20, timeout: (seconds + 120) * 1000 },
      );
      const stats = run.stderr
        .split("\n")
        .filter((l) => /stat::number_of_executed_units|DONE/.test(l));
      console.log(`fuzz: ${nseeds} seeds; ${stats.join("; ")}`);
      const report = run.stderr.split("\n").filter((l) => /ERROR|SUMMARY|artifact/.test(l));
      expect(report).toEqual([]);
      expect(run.status).toBe(0);
    },
    (seconds + 180) * 1000,
  );
});
