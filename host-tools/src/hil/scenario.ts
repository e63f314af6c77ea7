/**
 * Hardware-in-the-loop scenarios: JSON files (tests/hil/*.hil.json) of steps run against a
 * board in QEMU or a real one on a serial port. A step is an object with exactly one key:
 *
 *   {"deploy": "agents/demo.json"}                      services and agents of a manifest
 *   {"spawn": {"name": "w", "image": "spinner", ...}}   one agent (a manifest agent entry)
 *   {"service": {"id": 1, "name": "db", ...}}           register one service (manifest entry)
 *   {"command": {"name": "svc_start", "values": {...}}} any schema command; $name = agent id;
 *                                  "expectRefusal": true or an error name: the device must refuse it
 *   {"injectFault": "bus_fault"}                        a real CPU fault on the device
 *   {"wait": 1.5}                                        seconds
 *   {"expect": {"kind": "fault_handled", "agent": "$w", "fields": {...}, "within": 10}}
 *   {"expectNone": {"kind": "fault", "for": 2}}
 *   {"expectOrder": [{"kind": "svc_started", "fields": {"service": 1}}, ...]}
 *   {"stats": {"agent": "$w", "minSteps": 1, "maxSteps": 9, "maxFaults": 0,
 *              "minDeadlinesMet": 100, "maxDeadlinesMissed": 0,
 *              "hosted": {"maxDeadlinesMissed": 10}}}   limits for Linux-process targets
 *
 * At the top level, "icountShift": N runs QEMU boards with -icount shift=N (deterministic time).
 *   {"cpuRatio": {"agents": ["$a", "$b"], "ratio": 3, "tolerance": 0.3, "over": 2}}
 *
 * Field values may name a spawned agent as "$name". `expect` matches an event seen since the
 * scenario began, or with "after": "now" one that came after the last action the scenario
 * took or the last event it matched.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { UsageError } from "../errors.ts";

export type FieldMatch = Record<string, number | string>;

export interface EventMatch {
  kind: string;
  agent?: number | string;
  fields?: FieldMatch;
}

export type Step =
  | { deploy: string }
  | { spawn: Record<string, unknown> & { name: string; image: string } }
  | { service: Record<string, unknown> & { id: number; name: string; image: string } }
  | {
      command: { name: string; values?: Record<string, unknown>; expectRefusal?: boolean | string };
    }
  | { injectFault: string }
  | { wait: number }
  | { expect: EventMatch & { within?: number; after?: "start" | "now" } }
  | { expectNone: EventMatch & { for: number } }
  | { expectOrder: EventMatch[] }
  | {
      stats: StatsLimits & {
        agent: number | string;
        /** Limits that replace these when the target is a Linux process (native, raspi): no
         * -icount there, and the host OS may hold the process back past a deadline. */
        hosted?: StatsLimits;
      };
    }
  | { cpuRatio: { agents: [string, string]; ratio: number; tolerance: number; over: number } };

export interface StatsLimits {
  minSteps?: number;
  maxSteps?: number;
  maxFaults?: number;
  minDeadlinesMet?: number;
  maxDeadlinesMissed?: number;
}

export interface Scenario {
  name: string;
  file: string;
  /** Boards it is meant for; empty means any. */
  boards: string[];
  /** Part of the smoke set run on every board. */
  smoke: boolean;
  /** QEMU boards run with -icount shift=N: 2^N ns of device time per instruction, so timing
   * is set by instruction counts, not by how busy the host is. Ignored by other targets. */
  icountShift?: number;
  steps: Step[];
}

const stepKinds = [
  "deploy",
  "spawn",
  "service",
  "command",
  "injectFault",
  "wait",
  "expect",
  "expectNone",
  "expectOrder",
  "stats",
  "cpuRatio",
] as const;

export function loadScenario(file: string): Scenario {
  let raw: {
    name?: unknown;
    boards?: unknown;
    smoke?: unknown;
    icountShift?: unknown;
    steps?: unknown;
  };
  try {
    raw = JSON.parse(readFileSync(file, "utf8")) as typeof raw;
  } catch (error) {
    throw new UsageError(`cannot read scenario ${file}: ${(error as Error).message}`);
  }
  const shift = raw.icountShift;
  if (
    shift !== undefined &&
    (!Number.isInteger(shift) || (shift as number) < 0 || (shift as number) > 10)
  )
    throw new UsageError(`${file}: "icountShift" must be an integer from 0 to 10`);
  if (!Array.isArray(raw.steps) || raw.steps.length === 0)
    throw new UsageError(`${file}: "steps" must be a non-empty list`);
  raw.steps.forEach((step: unknown, index: number) => {
    const keys = step !== null && typeof step === "object" ? Object.keys(step) : [];
    if (keys.length !== 1 || !stepKinds.includes(keys[0] as (typeof stepKinds)[number])) {
      throw new UsageError(
        `${file}: step ${index + 1} must have exactly one of: ${stepKinds.join(", ")}`,
      );
    }
  });
  return {
    name: typeof raw.name === "string" ? raw.name : basename(file, ".hil.json"),
    file,
    boards: Array.isArray(raw.boards) ? (raw.boards as string[]) : [],
    smoke: raw.smoke === true,
    ...(typeof shift === "number" ? { icountShift: shift } : {}),
    steps: raw.steps as Step[],
  };
}

/** A scenario file, or every *.hil.json in a folder, in name order. */
export function loadScenarios(path: string): Scenario[] {
  let files: string[];
  try {
    files = statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((name) => name.endsWith(".hil.json"))
          .sort()
          .map((name) => join(path, name))
      : [path];
  } catch {
    throw new UsageError(`no scenario file or folder at ${path}`);
  }
  if (files.length === 0) throw new UsageError(`no *.hil.json scenarios in ${path}`);
  return files.map(loadScenario);
}
