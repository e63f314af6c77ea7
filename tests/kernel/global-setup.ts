/** Vitest global setup for tests/kernel: builds kernel.wasm and the agent images once. */
import { ensureBuilt } from "./sim/build.ts";

export default async function setup(): Promise<void> {
  await ensureBuilt();
}
