/**
 * The VM's C unit tests (tests/vm/unit): resumable execution, blocking host calls, limits, link
 * errors and snapshots. Each C case runs as its own test, named for the behaviour it checks.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, sanitizerReports, vmTool } from "./build.ts";

const cases = readFileSync(join(repoRoot, "tests/vm/unit/unit_cases.def"), "utf8")
  .split("\n")
  .map((line) => /^UNIT_CASE\((\w+)\)/.exec(line)?.[1])
  .filter((name): name is string => name !== undefined);

describe("VM unit tests (C, ASan + UBSan)", () => {
  it("the case list is not empty", () => {
    expect(cases.length).toBeGreaterThan(20);
  });

  for (const name of cases) {
    it(name.replaceAll("_", " "), () => {
      const run = spawnSync(vmTool("aios-vm-unit"), [name], { encoding: "utf8" });
      expect(sanitizerReports(run.stderr)).toEqual([]);
      expect(run.stdout.trim()).toBe(`ok ${name}`);
      expect(run.status).toBe(0);
    });
  }
});
