/** One configured formatter per language: Biome for TypeScript, clang-format for C. */
import { execFileSync, spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../host-tools/src/paths.ts";

function trackedFiles(...patterns: string[]): string[] {
  return execFileSync("git", ["ls-files", "--", ...patterns], { cwd: repoRoot, encoding: "utf8" })
    .split("\n")
    .filter((path) => path !== "" && !path.includes("/generated/"));
}

describe("code style", () => {
  it("TypeScript passes biome check (lint and format)", () => {
    const result = spawnSync(
      join(repoRoot, "node_modules/.bin/biome"),
      ["check", "--diagnostic-level=error", "."],
      {
        cwd: repoRoot,
        encoding: "utf8",
      },
    );
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });

  it("C sources are clang-formatted", () => {
    const files = trackedFiles("*.c", "*.h");
    expect(files.length).toBeGreaterThan(10);
    const result = spawnSync("clang-format", ["--dry-run", "--Werror", ...files], {
      cwd: repoRoot,
      encoding: "utf8",
    });
    expect(result.status, result.stderr.split("\n").slice(0, 20).join("\n")).toBe(0);
  });
});
