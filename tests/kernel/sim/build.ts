/**
 * The simulator's images: kernel.wasm and the agents of agents/images.json, built by the same
 * code as the firmware's (host-tools/src/build/wasm.ts), so Node and the device run the same
 * bytes. Builds are skipped when up to date, so test files may call `ensureBuilt` themselves.
 */
import {
  agentImageNames,
  agentsWasmDir,
  buildWasm,
  kernelWasm,
} from "../../../host-tools/src/build/wasm.ts";
import { repoRoot } from "../../../host-tools/src/paths.ts";

export { kernelWasm, repoRoot };
export const agentsDir = agentsWasmDir;

/** Agents by image id order (image id = index + 1). */
export const agentImages: readonly string[] = agentImageNames();
export type AgentName = string;

export function imageId(name: AgentName): number {
  const index = agentImages.indexOf(name);
  if (index < 0) throw new Error(`agent '${name}' is not in agents/images.json`);
  return index + 1;
}

export async function ensureBuilt(): Promise<void> {
  await buildWasm();
}
