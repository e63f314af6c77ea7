/** `aios build`: configures and builds firmware/ with CMake for one board. */
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type BoardDescription, loadBoard } from "../boards.ts";
import { ToolError } from "../errors.ts";
import { buildRoot, firmwareDir } from "../paths.ts";
import { buildWasm } from "./wasm.ts";

export interface BuildOptions {
  board: string;
  /** Host builds only: AddressSanitizer and UndefinedBehaviorSanitizer. */
  sanitize?: boolean;
  /** Receives the build's output as it happens; by default it is kept and shown on failure. */
  onOutput?: (text: string) => void;
}

export interface BuildResult {
  board: BoardDescription;
  buildDir: string;
  /** The ELF for Cortex-M boards, the executable for POSIX ones. */
  image: string;
}

export function buildDirFor(board: string, sanitize = false): string {
  return join(buildRoot, sanitize ? `${board}-sanitize` : board);
}

export function imagePath(board: BoardDescription, buildDir: string): string {
  return join(buildDir, board.hal === "cortex-m" ? `aios-${board.name}.elf` : `aios-${board.name}`);
}

function run(command: string, args: string[], onOutput: (text: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", (d: Buffer) => onOutput(d.toString()));
    child.stderr.on("data", (d: Buffer) => onOutput(d.toString()));
    child.on("error", (error) =>
      reject(
        new ToolError(
          `cannot run ${command}: ${error.message}. Run: node host-tools/scripts/bootstrap.js`,
        ),
      ),
    );
    child.on("close", (code) =>
      code === 0
        ? resolve()
        : reject(new ToolError(`${command} ${args.join(" ")} failed (exit ${code})`)),
    );
  });
}

function configuredFor(buildDir: string, board: string): boolean {
  const cache = join(buildDir, "CMakeCache.txt");
  return existsSync(cache) && readFileSync(cache, "utf8").includes(`AIOS_BOARD:STRING=${board}\n`);
}

export async function buildFirmware(options: BuildOptions): Promise<BuildResult> {
  const board = loadBoard(options.board);
  const sanitize = options.sanitize === true && board.hal === "posix";
  const buildDir = buildDirFor(board.name, sanitize);
  let log = "";
  const onOutput =
    options.onOutput ??
    ((text: string) => {
      log += text;
    });
  try {
    await buildWasm();
    if (!configuredFor(buildDir, board.name)) {
      await run(
        "cmake",
        [
          "-S",
          firmwareDir,
          "-B",
          buildDir,
          `-DAIOS_BOARD=${board.name}`,
          `-DAIOS_SANITIZE=${sanitize ? "ON" : "OFF"}`,
        ],
        onOutput,
      );
    }
    await run("cmake", ["--build", buildDir, "--parallel", "2"], onOutput);
  } catch (error) {
    if (error instanceof ToolError && log !== "") {
      throw new ToolError(`${error.message}\n${log.trimEnd().split("\n").slice(-25).join("\n")}`);
    }
    throw error;
  }
  return { board, buildDir, image: imagePath(board, buildDir) };
}
