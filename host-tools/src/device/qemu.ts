/**
 * Boots a board's image in QEMU. The machine starts paused (-S) with its UART on a pty; the
 * caller opens the pty and then calls resume(), which continues the machine over QMP, so the
 * first byte of boot output already has a reader.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BoardDescription } from "../boards.ts";
import { ToolError, UsageError } from "../errors.ts";
import { terminate, whenExited } from "./process.ts";
import { QmpClient } from "./qmp.ts";
import type { TargetSession } from "./session.ts";

export interface QemuOptions {
  /** Deterministic instruction counting: QEMU's -icount shift (instructions take 2^shift ns). */
  icountShift?: number;
  /** Keep QEMU running after this process exits (`aios flash`); its QMP socket goes in `workDir`. */
  detached?: { workDir: string };
}

async function connectWhenReady(path: string, exited: Promise<string>): Promise<QmpClient> {
  let lastError: unknown;
  const deadline = Date.now() + 10_000;
  let gone: string | undefined;
  void exited.then((how) => {
    gone = how;
  });
  while (Date.now() < deadline && gone === undefined) {
    try {
      return await QmpClient.connect(path);
    } catch (error) {
      lastError = error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new ToolError(
    gone !== undefined
      ? `QEMU exited at start (${gone})`
      : `QEMU's QMP socket never came up: ${String(lastError)}`,
  );
}

/** Continues a paused machine. Harmless on a running one. */
export async function resumeOverQmp(qmpPath: string): Promise<void> {
  const qmp = await QmpClient.connect(qmpPath);
  try {
    await qmp.execute("cont");
  } finally {
    qmp.close();
  }
}

export async function launchQemu(
  board: BoardDescription,
  image: string,
  options: QemuOptions = {},
): Promise<TargetSession> {
  if (board.qemu === undefined) throw new UsageError(`board '${board.name}' has no QEMU machine`);
  const workDir = options.detached?.workDir ?? mkdtempSync(join(tmpdir(), "aios-qemu-"));
  const qmpPath = join(workDir, "qmp.sock");
  const args = [
    "-machine",
    board.qemu.machine,
    "-kernel",
    image,
    "-display",
    "none",
    "-monitor",
    "none",
    "-chardev",
    "pty,id=uart",
    "-serial",
    "chardev:uart",
    "-qmp",
    `unix:${qmpPath},server=on,wait=off`,
    "-S",
  ];
  if (options.icountShift !== undefined) args.push("-icount", `shift=${options.icountShift}`);
  const child = spawn(board.qemu.system, args, {
    stdio: ["ignore", "ignore", options.detached ? "ignore" : "pipe"],
    detached: options.detached !== undefined,
  });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  const spawnFailed = new Promise<never>((_, reject) =>
    child.once("error", (e) =>
      reject(
        new ToolError(
          `cannot start ${board.qemu?.system}: ${e.message}. Run: node host-tools/scripts/bootstrap.js`,
        ),
      ),
    ),
  );
  const exited = whenExited(child).then((how) => {
    if (!options.detached) rmSync(workDir, { recursive: true, force: true });
    return stderr.trim() === "" ? how : `${how}: ${stderr.trim()}`;
  });
  const qmp = await Promise.race([connectWhenReady(qmpPath, exited), spawnFailed]);
  const chardevs = (await qmp.execute("query-chardev")) as { label: string; filename: string }[];
  const uart = chardevs.find((c) => c.label === "uart");
  if (uart === undefined || !uart.filename.startsWith("pty:")) {
    qmp.close();
    await terminate(child, exited);
    throw new ToolError("QEMU did not create the UART pty");
  }
  if (options.detached) {
    qmp.close();
    child.unref();
  }
  return {
    board: board.name,
    qmpPath,
    port: uart.filename.slice("pty:".length),
    pid: child.pid ?? 0,
    exited,
    // QMP serves one client at a time: reuse the launch's connection while it is open.
    resume: async () => {
      if (options.detached) await resumeOverQmp(qmpPath);
      else await qmp.execute("cont");
    },
    stop: async () => {
      qmp.close();
      await terminate(child, exited);
    },
    diagnostics: () => stderr,
  };
}
