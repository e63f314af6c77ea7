/**
 * Builds the Wasm side of the firmware with the AssemblyScript compiler's API: kernel.wasm
 * from firmware/kernel/asconfig.json, and every agent listed in agents/images.json. Outputs go
 * to build/kernel and build/agents; a build is skipped when its output is newer than every
 * source it depends on.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import asc from "assemblyscript/asc";
import { ToolError } from "../errors.ts";
import { buildRoot, repoRoot } from "../paths.ts";

export const kernelWasm = join(buildRoot, "kernel/kernel.wasm");
export const agentsWasmDir = join(buildRoot, "agents");

/** Agent names in image-id order: image id = index + 1. */
export function agentImageNames(): string[] {
  const list = JSON.parse(readFileSync(join(repoRoot, "agents/images.json"), "utf8")) as {
    images: string[];
  };
  return list.images;
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
  if (result.error || binary === undefined) {
    throw new ToolError(`AssemblyScript build failed: asc ${args.join(" ")}\n${errors.join("")}`);
  }
  mkdirSync(dirname(output), { recursive: true });
  // Written whole then renamed, so a parallel reader never sees half a module.
  const temporary = `${output}.${process.pid}.tmp`;
  writeFileSync(temporary, binary);
  renameSync(temporary, output);
}

/** An image's source: agents/examples/<name> (what users start from) or agents/<name> (the
 * agents the kernel tests drive). Names are unique across both. */
export function agentEntry(name: string): string {
  const example = join(repoRoot, "agents", "examples", name, "index.ts");
  return existsSync(example) ? example : join(repoRoot, "agents", name, "index.ts");
}

/** Compiles one agent (an AssemblyScript entry file) to `output` as the firmware's agents are. */
export function compileAgent(entry: string, output: string): Promise<void> {
  return compile(
    [entry, "--runtime", "stub", "--use", "abort=", "--initialMemory", "1", "-O3"],
    output,
  );
}

export async function buildWasm(): Promise<{ kernel: string; agents: string[] }> {
  const flags = statSync(fileURLToPath(import.meta.url)).mtimeMs;
  const kernelSources = Math.max(newestSource(join(repoRoot, "firmware/kernel")), flags);
  if (stale(kernelWasm, kernelSources)) {
    const kernelDir = join(repoRoot, "firmware/kernel");
    await compile(
      ["--config", join(kernelDir, "asconfig.json"), "--baseDir", kernelDir],
      kernelWasm,
    );
  }
  const agentSources = Math.max(newestSource(join(repoRoot, "agents")), kernelSources);
  const agents: string[] = [];
  for (const name of agentImageNames()) {
    const output = join(agentsWasmDir, `${name}.wasm`);
    agents.push(output);
    if (!stale(output, agentSources)) continue;
    await compileAgent(agentEntry(name), output);
  }
  return { kernel: kernelWasm, agents };
}
