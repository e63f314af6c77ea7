/** Child-process helpers shared by the QEMU and native targets. */
import type { ChildProcess } from "node:child_process";

/** Resolves with how the process ended: "exit 0", "signal SIGKILL". */
export function whenExited(child: ChildProcess): Promise<string> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve(child.exitCode !== null ? `exit ${child.exitCode}` : `signal ${child.signalCode}`);
      return;
    }
    child.once("exit", (code, signal) =>
      resolve(code !== null ? `exit ${code}` : `signal ${signal}`),
    );
  });
}

/** SIGTERM, then SIGKILL if the process is still there after `graceMs`. */
export async function terminate(
  child: ChildProcess,
  exited: Promise<string>,
  graceMs = 2000,
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
}
