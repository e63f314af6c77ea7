/**
 * vitest globalSetup: builds what the test files run, once per test run. Native builds use
 * AddressSanitizer and UndefinedBehaviorSanitizer, so any report fails the tests that read
 * the target's diagnostics.
 */
import { buildFirmware } from "../../host-tools/src/build/firmware.ts";

export const integrationBoards = [
  "mps2-an385",
  "mps2-an386",
  "mps2-an500",
  "mps2-an505",
  "native",
  "raspi",
] as const;

export default async function setup(): Promise<void> {
  await buildFirmware({ board: "native", sanitize: true });
  for (const board of integrationBoards) await buildFirmware({ board });
}
