/**
 * The `aios` command table: every command with its options and an example. Each command is a
 * plain async function that throws AiosError subclasses; main() is the one place that maps
 * errors to exit codes (see errors.ts for the table).
 */
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { defaultBoard } from "./boards.ts";
import {
  agentBuildCommand,
  agentInstallCommand,
  agentKeygenCommand,
  agentKillCommand,
  agentListCommand,
  agentRemoveCommand,
  agentSpawnCommand,
  agentStartCommand,
  agentStatsCommand,
  agentStopCommand,
  deployCommand,
} from "./commands/agent.ts";
import { boardsCommand } from "./commands/boards.ts";
import { buildCommand } from "./commands/build.ts";
import type { CommandContext } from "./commands/context.ts";
import { defaultManifest, demoCommand } from "./commands/demo.ts";
import { flashCommand } from "./commands/flash.ts";
import { hilCommand } from "./commands/hil.ts";
import { monitorCommand } from "./commands/monitor.ts";
import { pingCommand } from "./commands/ping.ts";
import { portsCommand } from "./commands/ports.ts";
import { AiosError, ExitCode } from "./errors.ts";

function positiveNumber(text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0)
    throw new InvalidArgumentError("must be a positive number");
  return value;
}

function integer(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value)) throw new InvalidArgumentError("must be an integer");
  return value;
}

function collect(value: string, previous: number[]): number[] {
  return [...previous, integer(value)];
}

function names(text: string): string[] {
  return text.split(",").filter((name) => name !== "");
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
  4  serial link error  5  build tool or emulator missing or failed
  6  a hil scenario failed
A command the device refuses (e.g. image_bad_signature) exits 1 and names the error.`;

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
    .description(
      "put the firmware on a board: QEMU boards and host processes start paused until a monitor attaches; pico through its UF2 drive or picotool; nucleo-f446re with OpenOCD; raspi installed on the Pi itself",
    )
    .addOption(boardOption().default(defaultBoard))
    .option("--stop", "stop the emulator or process a previous flash started", false)
    .option("--json", "print the result as JSON on stdout", false)
    .option("--drive <dir>", "UF2 boards: the mounted bootloader drive (found by itself otherwise)")
    .option(
      "--install",
      "Linux boards: install the build on this machine and start it (the default on the board's own CPU)",
    )
    .option("--service", "Linux boards: install and start it as the systemd service aios.service")
    .option(
      "--prefix <dir>",
      "Linux boards: where the executable goes (/usr/local/bin as root, else ~/.local/bin)",
    )
    .option(
      "--unit-dir <dir>",
      "Linux boards with --service: where the unit goes",
      "/etc/systemd/system",
    )
    .addHelpText(
      "after",
      "\nExamples:\n  aios flash --board mps2-an386 && aios monitor --board mps2-an386\n  aios flash --board pico                 # Pico plugged in with BOOTSEL held\n  sudo npx aios flash --board raspi --service   # on the Pi",
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
    .option(
      "--kind <kinds>",
      "show only these event kinds, comma-separated; agent_* matches a prefix",
      names,
    )
    .option("--agent <ids>", "show only events of these agents, comma-separated", (t: string) =>
      names(t).map(integer),
    )
    .option(
      "--severity <level>",
      "show only events at or above: debug, info, warning, error, critical",
    )
    .option("--log <file>", "append every event (unfiltered) to this file as NDJSON")
    .option(
      "--trace <file.json>",
      "write a Perfetto/Chrome trace of agent slices and events at exit",
    )
    .option(
      "--no-reconnect",
      "with --port: exit when the link drops instead of waiting for the device",
    )
    .addHelpText(
      "after",
      "\nExamples:\n  aios monitor --board mps2-an386 --json --until heartbeat --timeout 60\n  aios monitor --port /dev/serial/by-id/usb-... --kind fault,agent_* --trace run.json",
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

  const agent = program
    .command("agent")
    .description("control agents on a running device (after aios flash, or --port)");
  agent
    .command("spawn <image>")
    .description("start an agent from an image built into the firmware (see aios agent list)")
    .addOption(boardOption())
    .addOption(portOption())
    .option("--arg <n>", "an argument for the agent (repeat for up to four)", collect, [])
    .option("--weight <n>", "fair-share weight", integer, 100)
    .option(
      "--caps <names>",
      "capability flags, comma-separated (e.g. events_publish,realtime)",
      names,
      [],
    )
    .option(
      "--hints <names>",
      "scheduling hints, comma-separated (latency_sensitive, batch, idleable)",
      names,
      [],
    )
    .option("--budget-us <n>", "deadline class: CPU budget per period", integer)
    .option("--period-us <n>", "deadline class: period", integer)
    .option("--json", "print the result as JSON", false)
    .addHelpText("after", "\nExample:\n  aios flash && aios agent spawn spinner --weight 200")
    .action((image, o) => agentSpawnCommand(image, o, ctx));
  agent
    .command("kill <id>")
    .description("stop an agent by its id")
    .addOption(boardOption())
    .addOption(portOption())
    .option("--json", "print the result as JSON", false)
    .action((id, o) => agentKillCommand(integer(id), o, ctx));
  agent
    .command("stats")
    .description("CPU, steps, faults and memory of every agent")
    .addOption(boardOption())
    .addOption(portOption())
    .option("--json", "one JSON object per agent", false)
    .action((o) => agentStatsCommand(o, ctx));
  agent
    .command("list")
    .description(
      "images built into the firmware; with --board or --port also the installed images and the running agents",
    )
    .addOption(boardOption())
    .addOption(portOption())
    .option("--json", "one JSON object per image and per running agent", false)
    .action((o) => agentListCommand(o, ctx));
  agent
    .command("build <source>")
    .description(
      "compile an agent (a folder with index.ts and agent.json, or a .ts file), write its manifest and sign both",
    )
    .option(
      "-o, --out <dir>",
      "where to write <name>.wasm and <name>.agent.json (build/install/<name>)",
    )
    .option("--key <file>", "Ed25519 private key, PEM (keys/development-only.private.pem)")
    .option("--name <name>", "image name (agent.json, or the folder's name)")
    .option("--version <version>", "image version (agent.json, or 0.0.0)")
    .option("--caps <names>", "capability flags, comma-separated", names)
    .option("--weight <n>", "fair-share weight", integer)
    .option("--budget-us <n>", "deadline class: CPU budget per period", integer)
    .option("--period-us <n>", "deadline class: period", integer)
    .addOption(
      new Option("--restart <policy>", "what a fault does").choices([
        "never",
        "on_failure",
        "always",
      ]),
    )
    .option("--memory-cap <bytes>", "most linear memory the agent may hold", integer)
    .option("--json", "print the result as JSON", false)
    .addHelpText(
      "after",
      "\nExample:\n  aios agent build agents/counter-v1 --name counter --version 1.0.0",
    )
    .action((source, o) => agentBuildCommand(source, o, ctx));
  agent
    .command("keygen")
    .description("make an Ed25519 signing key pair (default: the development pair in keys/)")
    .option("-o, --out <prefix>", "write <prefix>.private.pem and <prefix>.public.hex")
    .option("--force", "replace existing files", false)
    .option("--json", "print the paths and the public key as JSON", false)
    .action((o) => agentKeygenCommand(o, ctx));
  agent
    .command("install <built>")
    .description(
      "send a built image (<name>.agent.json or its folder) to the device's store; resumes an interrupted install",
    )
    .addOption(boardOption())
    .addOption(portOption())
    .option("--chunk-bytes <n>", "bytes per chunk (at most 255)", positiveNumber)
    .option("--json", "print the result as JSON", false)
    .addHelpText(
      "after",
      "\nExample:\n  aios agent build agents/spinner && aios agent install build/install/spinner --port /dev/ttyACM0",
    )
    .action((built, o) => agentInstallCommand(built, o, ctx));
  agent
    .command("start <name>")
    .description("start an installed image as an agent, as its manifest says")
    .addOption(boardOption())
    .addOption(portOption())
    .option("--json", "print the agent id as JSON", false)
    .action((name, o) => agentStartCommand(name, o, ctx));
  agent
    .command("stop <name>")
    .description("kill every agent running an installed image")
    .addOption(boardOption())
    .addOption(portOption())
    .option("--json", "print the stopped agents as JSON", false)
    .action((name, o) => agentStopCommand(name, o, ctx));
  agent
    .command("rm <name>")
    .description("remove an installed image from the device's store (running agents keep running)")
    .addOption(boardOption())
    .addOption(portOption())
    .option("--json", "print the result as JSON", false)
    .action((name, o) => agentRemoveCommand(name, o, ctx));

  program
    .command("deploy <manifest>")
    .description("register and start the services and spawn the agents a manifest lists")
    .addOption(boardOption())
    .addOption(portOption())
    .option("--json", "one JSON object per agent started", false)
    .addHelpText("after", "\nExample:\n  aios flash && aios deploy agents/demo.json")
    .action((manifest, o) => deployCommand(manifest, o, ctx));

  program
    .command("demo")
    .description("build, boot, deploy the demo agents and show a live view (npm start)")
    .addOption(boardOption().default(defaultBoard))
    .option("--manifest <file>", "what to deploy", defaultManifest)
    .option("--seconds <n>", "stop after this long instead of at Ctrl-C", positiveNumber)
    .option("--refresh-ms <n>", "how often the view refreshes", positiveNumber, 1000)
    .action((o) => demoCommand(o, ctx));

  program
    .command("hil <path>")
    .description("run hardware-in-the-loop scenarios (a *.hil.json file or a folder of them)")
    .option(
      "--board <names>",
      "boards to run on, comma-separated (a fresh target per scenario)",
      names,
      [defaultBoard],
    )
    .addOption(portOption())
    .option("--smoke", "only the scenarios marked smoke", false)
    .option("--junit <file>", "write a JUnit XML report")
    .option("--json", "one JSON object per scenario on stdout", false)
    .addHelpText(
      "after",
      "\nExample:\n  aios hil tests/hil --junit build/hil.xml\n  aios hil tests/hil --port /dev/ttyACM0",
    )
    .action((path, o) => hilCommand(path, { ...o, boards: o.board }, ctx));

  program
    .command("ports")
    .description("serial devices on this machine, with USB ids and serial numbers")
    .option("--json", "one JSON object per port", false)
    .action((o) => portsCommand(o, ctx));

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
