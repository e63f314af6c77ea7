/**
 * The `aios` command table: every command with its options and an example. Each command is a
 * plain async function that throws AiosError subclasses; main() is the one place that maps
 * errors to exit codes (see errors.ts for the table).
 */
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { defaultBoard } from "./boards.ts";
import { boardsCommand } from "./commands/boards.ts";
import { buildCommand } from "./commands/build.ts";
import type { CommandContext } from "./commands/context.ts";
import { flashCommand } from "./commands/flash.ts";
import { monitorCommand } from "./commands/monitor.ts";
import { pingCommand } from "./commands/ping.ts";
import { AiosError, ExitCode } from "./errors.ts";

function positiveNumber(text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0)
    throw new InvalidArgumentError("must be a positive number");
  return value;
}

function makeContext(): { ctx: CommandContext; dispose: () => void } {
  let stop: () => void = () => {};
  const stopSignal = new Promise<void>((resolve) => {
    stop = resolve;
  });
  const onSigint = () => stop();
  process.on("SIGINT", onSigint);
  process.on("SIGTERM", onSigint);
  return {
    ctx: {
      out: (line) => process.stdout.write(`${line}\n`),
      err: (line) => process.stderr.write(`${line}\n`),
      colour: process.stdout.isTTY === true && process.env.NO_COLOR === undefined,
      stopSignal,
    },
    dispose: () => {
      process.off("SIGINT", onSigint);
      process.off("SIGTERM", onSigint);
    },
  };
}

const exitCodeHelp = `
Exit codes:
  0  success            1  usage error (bad option, unknown board)
  2  timeout            3  the device reported a fault
  4  serial link error  5  build tool or emulator missing or failed`;

export function buildProgram(ctx: CommandContext): Command {
  const program = new Command("aios")
    .description("Build, flash, monitor and test AIOS firmware and agents")
    .addHelpText("after", exitCodeHelp)
    .exitOverride()
    .showHelpAfterError();
  const boardOption = () =>
    new Option("-b, --board <name>", "board from boards/ (see aios boards)");
  const portOption = () =>
    new Option("-p, --port <path>", "serial device to use instead of starting a board");

  program
    .command("build")
    .description("build the firmware for a board with CMake")
    .addOption(boardOption().default(defaultBoard))
    .option("--sanitize", "host boards: build with ASan and UBSan", false)
    .option("--json", "print the result as JSON on stdout", false)
    .option("-v, --verbose", "show the compiler's output", false)
    .addHelpText("after", "\nExample:\n  aios build --board mps2-an385")
    .action((o) => buildCommand(o, ctx));

  program
    .command("flash")
    .description("put the firmware on a board; QEMU boards start paused until a monitor attaches")
    .addOption(boardOption().default(defaultBoard))
    .option("--stop", "stop the emulator or process a previous flash started", false)
    .option("--json", "print the result as JSON on stdout", false)
    .addHelpText(
      "after",
      "\nExample:\n  aios flash --board mps2-an386 && aios monitor --board mps2-an386",
    )
    .action((o) => flashCommand(o, ctx));

  program
    .command("monitor")
    .description("decode and print the device's event stream")
    .addOption(boardOption())
    .addOption(portOption())
    .option("--baud <rate>", "baud rate for --port", positiveNumber)
    .option("--json", "NDJSON on stdout: a schema line, then one object per event", false)
    .option("--until <kind>", "exit 0 at the first event of this kind (e.g. heartbeat)")
    .option("--timeout <seconds>", "stop after this long; with --until, exit 2", positiveNumber)
    .addHelpText(
      "after",
      "\nExample:\n  aios monitor --board mps2-an386 --json --until heartbeat --timeout 60",
    )
    .action((o) => monitorCommand(o, ctx));

  program
    .command("ping")
    .description("measure command round trips to the device")
    .addOption(boardOption())
    .addOption(portOption())
    .option("-c, --count <n>", "how many pings", positiveNumber, 3)
    .option("--timeout <seconds>", "wait this long for each pong", positiveNumber, 5)
    .option("--json", "one JSON object per pong", false)
    .action((o) => pingCommand(o, ctx));

  program
    .command("boards")
    .description("list the boards this tree can build for")
    .option("--json", "one JSON object per board", false)
    .action((o) => boardsCommand(o, ctx));

  return program;
}

export async function main(argv: string[]): Promise<number> {
  const { ctx, dispose } = makeContext();
  try {
    await buildProgram(ctx).parseAsync(argv);
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    if (error instanceof AiosError) {
      ctx.err(`aios: ${error.message}`);
      return error.exitCode;
    }
    ctx.err(
      `aios: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return ExitCode.usage;
  } finally {
    dispose();
  }
}
