/** vitest globalSetup for tests/vm: builds the VM host tools once before any test file runs. */
import { ensureVmBuilt } from "./build.ts";

export default function setup(): void {
  ensureVmBuilt();
  ensureVmBuilt("switch");
}
