/**
 * Every error the CLI reports, and the one table of exit codes. Commands throw these; only
 * cli.ts turns them into an exit code. Each message says what to do about it.
 */
export const ExitCode = {
  ok: 0,
  /** Bad arguments, unknown board, bad file. */
  usage: 1,
  /** `--until` did not see the awaited event before `--timeout`. */
  timeout: 2,
  /** The device reported a CPU fault (or a fault event arrived while waiting). */
  deviceFault: 3,
  /** The serial port could not be opened, or the link dropped. */
  link: 4,
  /** A build tool or emulator is missing or failed. */
  tool: 5,
  /** One or more hardware-in-the-loop scenarios failed. */
  scenarioFailed: 6,
  /** Stopped by Ctrl-C. */
  interrupted: 130,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export class AiosError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCodeValue,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class UsageError extends AiosError {
  constructor(message: string) {
    super(message, ExitCode.usage);
  }
}

export class TimeoutError extends AiosError {
  constructor(message: string) {
    super(message, ExitCode.timeout);
  }
}

export class DeviceFaultError extends AiosError {
  constructor(message: string) {
    super(message, ExitCode.deviceFault);
  }
}

export class LinkError extends AiosError {
  /** True when an open link went away (unplug, reset of a pty), false when it never opened. */
  readonly disconnected: boolean;

  constructor(message: string, disconnected: boolean) {
    super(message, ExitCode.link);
    this.disconnected = disconnected;
  }
}

export class ScenarioFailedError extends AiosError {
  constructor(message: string) {
    super(message, ExitCode.scenarioFailed);
  }
}

export class ToolError extends AiosError {
  constructor(message: string) {
    super(message, ExitCode.tool);
  }
}
