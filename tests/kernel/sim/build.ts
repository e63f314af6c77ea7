/**
 * Builds kernel.wasm (firmware/kernel/asconfig.json) and the agents under agents/ with the
 * AssemblyScript compiler's API. Outputs go to build/kernel and build/agents. A build is skipped
 * when its output is newer than every source it depends on, so test files may call `ensureBuilt`
 * themselves whether or not the global setup already ran.
 */
import { mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import asc from "assemblyscript/asc";

export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
export const kernelWasm = join(repoRoot, "build/kernel/kernel.wasm");
export const agentsDir = join(repoRoot, "build/agents");

/** Agents the simulator knows, by image id (the id a spawn or manifest names). */
export const agentImages = [
  "spinner",
  "periodic",
  "faulty",
  "locker",
  "server",
  "client",
  "chatter",
  "service",
  "counter-v1",
  "counter-v2",
  "counter-v3",
  "grower",
  "tour",
] as const;
export type AgentName = (typeof agentImages)[number];

export function imageId(name: AgentName): number {
  return agentImages.indexOf(name) + 1;
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith(".ts") || entry.name.endsWith(".json"))
      newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function stale(output: string, sources: number): boolean {
  try {
    return statSync(output).mtimeMs < sources;
  } catch {
    return true;
  }
}

async function compile(args: string[], output: string): Promise<void> {
  let binary: Uint8Array | undefined;
  const errors: string[] = [];
  const result = await asc.main([...args, "--outFile", "out.wasm"], {
    writeFile: (name: string, contents: Uint8Array | string) => {
      if (name.endsWith("out.wasm")) binary = contents as Uint8Array;
    },
    stderr: { write: (text: string) => errors.push(String(text)) } as never,
  });
  if (result.error || binary === undefined)
    throw new Error(`asc ${args.join(" ")} failed:\n${errors.join("")}`);
  mkdirSync(dirname(output), { recursive: true });
  // Written whole then renamed: parallel test workers never read a half-written module.
  const temporary = `${output}.${process.pid}.tmp`;
  writeFileSync(temporary, binary);
  renameSync(temporary, output);
}

export async function ensureBuilt(): Promise<void> {
  // The build's own flags live here: a change to this file rebuilds everything.
  const flags = statSync(fileURLToPath(import.meta.url)).mtimeMs;
  const kernelSources = Math.max(newestSource(join(repoRoot, "firmware/kernel")), flags);
  if (stale(kernelWasm, kernelSources)) {
    await compile(
      [
        "--config",
        join(repoRoot, "firmware/kernel/asconfig.json"),
        "--baseDir",
        join(repoRoot, "firmware/kernel"),
      ],
      kernelWasm,
    );
  }
  const agentSources = Math.max(newestSource(join(repoRoot, "agents")), kernelSources);
  for (const name of agentImages) {
    const output = join(agentsDir, `${name}.wasm`);
    if (!stale(output, agentSources)) continue;
    const entry = join(repoRoot, "agents", name, "index.ts");
    await compile(
      [entry, "--runtime", "stub", "--use", "abort=", "--initialMemory", "1", "-O3"],
      output,
    );
  }
}
