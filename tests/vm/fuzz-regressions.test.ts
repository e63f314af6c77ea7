/**
 * Inputs that once crashed, hung or upset a sanitizer, replayed through the fuzz harness
 * (ASan + UBSan). Each file in tests/vm/fuzz-regressions/ says in its name what it caught; see
 * the README there.
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, vmTool } from "./build.ts";

const dir = join(repoRoot, "tests/vm/fuzz-regressions");
const inputs = readdirSync(dir).filter((f) => f.endsWith(".wasm"));

describe("fuzz regressions", () => {
  if (inputs.length === 0) it.todo("pending: no fuzz crash has been recorded yet");

  for (const input of inputs) {
    it(`replays ${input} cleanly`, () => {
      const run = spawnSync(vmTool("aios-vm-fuzz"), ["-runs=1", join(dir, input)], {
        encoding: "utf8",
      });
      const report = run.stderr.split("\n").filter((l) => /ERROR|SUMMARY/.test(l));
      expect(report).toEqual([]);
      expect(run.status).toBe(0);
    });
  }
});
