/** The `aios` command as a user runs it: a process with arguments, output and an exit code. */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { repoRoot } from "../../host-tools/src/paths.ts";

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `aios <args>` to its end; `env` adds to (or overrides) this process's environment. */
export function runAios(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(repoRoot, "host-tools/bin/aios.js"), ...args], {
      env: { ...process.env, NO_COLOR: "1", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
