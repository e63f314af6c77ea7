/**
 * A running target that speaks the AIOS protocol on a serial port: QEMU emulating a board, or
 * the native build as a process. The contract:
 * - `port` is a path serialport can open (a pty);
 * - a target may start paused; nothing it prints is lost before `resume()` is called, so open
 *   the port first, then resume;
 * - `stop()` ends the target and waits for it to exit; calling it twice is harmless.
 */
export interface TargetSession {
  board: string;
  port: string;
  pid: number;
  /** QEMU targets: the machine-protocol socket that resumes it. */
  qmpPath?: string;
  resume(): Promise<void>;
  stop(): Promise<void>;
  /** Resolves when the target exits by itself (crash, shutdown), with its exit description. */
  exited: Promise<string>;
  /** What the target process has written to stderr so far (QEMU warnings, sanitizer reports). */
  diagnostics(): string;
}
