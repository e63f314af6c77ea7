/**
 * Scenario files: one board history that both hosts replay, the Node simulator (`runOnBoard`)
 * and the native replay host in our VM (`replayScript`, tests/kernel/native). One step a line,
 * `#` starts a comment:
 *
 *   spawn NAME FIELD=VALUE...     agent_spawn of image NAME (Board.spawn's defaults for the rest)
 *   command NAME FIELD=VALUE...   any host command by schema name
 *   run US                        let the board run for US µs of virtual time
 *   fault AGENT KIND ERROR        the core reports a fault (fault_kind name, taxonomy code)
 *
 * A value is a number, `caps=` capability names joined by `|` (abi/flags.ts Cap), `@NAME` the
 * id of image NAME (in `sha256=`, its digest), or else an enum name as the schema spells it.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Cap } from "./abi.ts";
import { Board, commandWire, spawnValues } from "./board.ts";
import { agentImages, agentsDir, imageId, kernelWasm } from "./build.ts";
import { enumValue } from "./schema.ts";

export type ScenarioStep =
  | { kind: "command"; name: string; values: Record<string, unknown> }
  | { kind: "run"; us: number }
  | { kind: "fault"; agent: number; fault: string; error: number };

/** The SHA-256 of an image as installed, in hex (service manifests attest it). */
function imageDigest(name: string): string {
  return createHash("sha256")
    .update(readFileSync(join(agentsDir, `${name}.wasm`)))
    .digest("hex");
}

function value(field: string, text: string): unknown {
  if (/^-?\d+$/.test(text)) return Number(text);
  if (field === "caps") {
    return text.split("|").reduce((bits, name) => bits | Cap[name as keyof typeof Cap], 0);
  }
  if (text.startsWith("@")) {
    return field === "sha256" ? imageDigest(text.slice(1)) : imageId(text.slice(1));
  }
  return text;
}

function fields(words: string[], where: string): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const word of words) {
    const [field, text, extra] = word.split("=");
    if (field === undefined || text === undefined || extra !== undefined)
      throw new Error(`${where}: '${word}' is not FIELD=VALUE`);
    values[field] = value(field, text);
  }
  return values;
}

function integer(text: string | undefined, where: string): number {
  if (text === undefined || !/^-?\d+$/.test(text)) throw new Error(`${where}: not a number`);
  return Number(text);
}

export function parseScenario(text: string, source = "scenario"): ScenarioStep[] {
  const steps: ScenarioStep[] = [];
  for (const [index, line] of text.split("\n").entries()) {
    const words = line.replace(/#.*/, "").trim().split(/\s+/).filter(Boolean);
    const [verb, first, ...rest] = words;
    const where = `${source}:${index + 1}`;
    if (verb === undefined) continue;
    if (verb === "spawn" && first !== undefined) {
      steps.push({
        kind: "command",
        name: "agent_spawn",
        values: spawnValues(first, fields(rest, where)),
      });
    } else if (verb === "command" && first !== undefined) {
      steps.push({ kind: "command", name: first, values: fields(rest, where) });
    } else if (verb === "run" && rest.length === 0) {
      steps.push({ kind: "run", us: integer(first, where) });
    } else if (verb === "fault" && rest.length === 2) {
      enumValue("fault_kind", rest[0] ?? "");
      steps.push({
        kind: "fault",
        agent: integer(first, where),
        fault: rest[0] ?? "",
        error: integer(rest[1], where),
      });
    } else {
      throw new Error(`${where}: cannot read '${line.trim()}'`);
    }
  }
  return steps;
}

export function readScenario(path: string): ScenarioStep[] {
  return parseScenario(readFileSync(path, "utf8"), path);
}

/** Runs the scenario on a fresh simulated board; returns its frame log (Board.log()). */
export function runOnBoard(steps: readonly ScenarioStep[]): string[] {
  const board = new Board();
  for (const step of steps) {
    if (step.kind === "command") board.command(step.name, step.values);
    else if (step.kind === "run") board.run(step.us);
    else board.fault(step.agent, step.fault, step.error);
  }
  return board.log();
}

/** The scenario as the native replay host's script (tests/kernel/native/replay.c). */
export function replayScript(steps: readonly ScenarioStep[]): string {
  const lines = [
    `image ${kernelWasm}`,
    ...agentImages.map((name) => `image ${join(agentsDir, `${name}.wasm`)}`),
  ];
  for (const step of steps) {
    if (step.kind === "command") {
      lines.push(`command ${Buffer.from(commandWire(step.name, step.values)).toString("hex")}`);
    } else if (step.kind === "run") {
      lines.push(`run ${step.us}`);
    } else {
      lines.push(`fault ${step.agent} ${enumValue("fault_kind", step.fault)} ${step.error}`);
    }
  }
  return `${lines.join("\n")}\n`;
}
