/** Where things live in a clone; every module asks here instead of walking up on its own. */
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
export const buildRoot = join(repoRoot, "build");
export const firmwareDir = join(repoRoot, "firmware");
