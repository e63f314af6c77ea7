/**
 * Runs a scenario's steps against a device channel and says why it failed, if it did. Each
 * scenario gets a fresh target (QEMU or the native process) when run by board; on a real
 * board (--port) scenarios share the running device.
 */
import { join } from "node:path";
import { agentStats, CommandRefusedError, sendUnlessRefused } from "../agent/control.ts";
import type { AgentEntry, ServiceEntry } from "../agent/manifest.ts";
import { deploy, loadManifest, registerService, spawnEntry } from "../agent/manifest.ts";
import { loadBoard } from "../boards.ts";
import type { CommandContext } from "../commands/context.ts";
import { connect, type TargetChoice } from "../commands/target.ts";
import type { TimedEvent } from "../monitor/format.ts";
import { repoRoot } from "../paths.ts";
import { schema } from "../protocol/generated/schema.ts";
import type { DeviceChannel } from "../transport/channel.ts";
import type { EventMatch, Scenario, Step } from "./scenario.ts";

export interface ScenarioResult {
  scenario: Scenario;
  board: string;
  passed: boolean;
  failure?: string;
  durationMs: number;
  events: number;
}

class StepFailure extends Error {}

const sleep = (seconds: number) => new Promise((r) => setTimeout(r, seconds * 1000));

class Run {
  readonly events: TimedEvent[] = [];
  readonly agents = new Map<string, number>();
  /** Where "after": "now" starts looking: after the last action sent or the last event matched. */
  cursor = 0;

  /** `hosted`: the target is a Linux process (native, raspi), which its host OS may preempt. */
  constructor(
    readonly channel: DeviceChannel,
    readonly hosted: boolean,
  ) {
    channel.onEvent((event) => this.events.push(event));
  }

  resolve(value: unknown): unknown {
    if (typeof value !== "string" || !value.startsWith("$")) return value;
    const id = this.agents.get(value.slice(1));
    if (id === undefined) throw new StepFailure(`no agent named ${value.slice(1)} was spawned`);
    return id;
  }

  matches(event: TimedEvent, match: EventMatch): boolean {
    if (event.kind !== match.kind) return false;
    if (match.agent !== undefined && event.fields.agent !== this.resolve(match.agent)) return false;
    return Object.entries(match.fields ?? {}).every(([name, expected]) => {
      const actual = event.fields[name];
      return (typeof actual === "bigint" ? Number(actual) : actual) === this.resolve(expected);
    });
  }

  describe(match: EventMatch): string {
    return JSON.stringify(match);
  }

  /** The last few events of the awaited kind (and agent), so a failure shows what came instead. */
  nearMisses(match: EventMatch): string {
    const agent = match.agent === undefined ? undefined : this.resolve(match.agent);
    const near = this.events
      .filter((e) => e.kind === match.kind && (agent === undefined || e.fields.agent === agent))
      .slice(-3)
      .map((e) => JSON.stringify(e.fields, (_, v) => (typeof v === "bigint" ? Number(v) : v)));
    return near.length === 0
      ? `; no ${match.kind} event came`
      : `; the last ${match.kind} events: ${near.join(", ")}`;
  }

  async step(step: Step): Promise<void> {
    if (!("expect" in step || "expectNone" in step || "expectOrder" in step || "wait" in step)) {
      this.cursor = this.events.length;
    }
    if ("deploy" in step) {
      const agents = await deploy(this.channel, loadManifest(join(repoRoot, step.deploy)));
      for (const [name, id] of agents) this.agents.set(name, id);
    } else if ("spawn" in step) {
      this.agents.set(
        step.spawn.name,
        await spawnEntry(this.channel, step.spawn as unknown as AgentEntry),
      );
    } else if ("service" in step) {
      await registerService(this.channel, step.service as unknown as ServiceEntry);
    } else if ("command" in step) {
      const values: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(step.command.values ?? {}))
        values[name] = this.resolve(value);
      // Kernel commands carry a correlation id and are checked for a refusal; others are sent.
      const kernelCommand =
        schema.commands.find((c) => c.name === step.command.name)?.fields[0]?.name ===
        "correlation";
      if (kernelCommand) {
        const refusal = await sendUnlessRefused(this.channel, step.command.name, values).then(
          () => undefined,
          (error: Error) => error,
        );
        const wanted = step.command.expectRefusal;
        if (wanted === undefined || wanted === false) {
          if (refusal !== undefined) throw new StepFailure(refusal.message);
        } else if (refusal === undefined) {
          throw new StepFailure(`the device accepted ${step.command.name}, expected a refusal`);
        } else if (
          typeof wanted === "string" &&
          !(refusal instanceof CommandRefusedError && refusal.errorName === wanted)
        ) {
          throw new StepFailure(`${refusal.message}, expected ${wanted}`);
        }
      } else {
        await this.channel.send(step.command.name, values);
      }
    } else if ("injectFault" in step) {
      await this.channel.send("inject_fault", { kind: step.injectFault });
    } else if ("wait" in step) {
      await sleep(step.wait);
    } else if ("expect" in step) {
      const { within = 20, after = "start", ...match } = step.expect;
      const from = after === "now" ? this.cursor : 0;
      const seen = this.events.findIndex((e, i) => i >= from && this.matches(e, match));
      if (seen >= 0) {
        this.cursor = Math.max(this.cursor, seen + 1);
        return;
      }
      const found = await this.channel
        .waitFor((e) => this.matches(e, match), within * 1000, this.describe(match))
        .catch(() => {
          throw new StepFailure(
            `expected ${this.describe(match)} within ${within} s${this.nearMisses(match)}`,
          );
        });
      // Later events of the same burst may already be recorded: continue right after this one.
      this.cursor = this.events.lastIndexOf(found) + 1;
    } else if ("expectNone" in step) {
      const { for: seconds, ...match } = step.expectNone;
      const from = this.events.length;
      await sleep(seconds);
      const found = this.events.slice(from).find((e) => this.matches(e, match));
      if (found)
        throw new StepFailure(`unexpected ${found.kind} ${JSON.stringify(found.fields, bigints)}`);
    } else if ("expectOrder" in step) {
      let at = 0;
      for (const match of step.expectOrder) {
        const index = this.events.findIndex((e, i) => i >= at && this.matches(e, match));
        if (index < 0)
          throw new StepFailure(`expected ${this.describe(match)} after the previous match`);
        at = index + 1;
      }
    } else if ("stats" in step) {
      const id = this.resolve(step.stats.agent);
      const mine = (await agentStats(this.channel)).find((s) => s.agent === id);
      if (mine === undefined) throw new StepFailure(`agent ${id} reported no statistics`);
      const limits = this.hosted ? { ...step.stats, ...step.stats.hosted } : step.stats;
      const { minSteps = 0, maxSteps = Number.POSITIVE_INFINITY } = limits;
      if (mine.steps < minSteps || mine.steps > maxSteps)
        throw new StepFailure(
          `agent ${id} ran ${mine.steps} steps, expected ${minSteps}..${maxSteps}`,
        );
      if (mine.faults > (limits.maxFaults ?? Number.POSITIVE_INFINITY)) {
        throw new StepFailure(`agent ${id} faulted ${mine.faults} times`);
      }
      if (mine.deadlinesMet < (limits.minDeadlinesMet ?? 0))
        throw new StepFailure(`agent ${id} met ${mine.deadlinesMet} deadlines`);
      if (mine.deadlinesMissed > (limits.maxDeadlinesMissed ?? Number.POSITIVE_INFINITY)) {
        throw new StepFailure(
          `agent ${id} missed ${mine.deadlinesMissed} deadlines (met ${mine.deadlinesMet})`,
        );
      }
    } else if ("cpuRatio" in step) {
      const [a, b] = step.cpuRatio.agents.map((name) => this.resolve(name));
      const before = await agentStats(this.channel);
      await sleep(step.cpuRatio.over);
      const after = await agentStats(this.channel);
      const used = (id: unknown) =>
        (after.find((s) => s.agent === id)?.cpuFuel ?? 0) -
        (before.find((s) => s.agent === id)?.cpuFuel ?? 0);
      const ratio = used(b) / Math.max(1, used(a));
      if (Math.abs(ratio - step.cpuRatio.ratio) > step.cpuRatio.ratio * step.cpuRatio.tolerance) {
        throw new StepFailure(
          `CPU ratio ${ratio.toFixed(2)}, expected ${step.cpuRatio.ratio} ±${step.cpuRatio.tolerance * 100}%`,
        );
      }
    }
  }
}

const bigints = (_key: string, value: unknown) =>
  typeof value === "bigint" ? Number(value) : value;

export async function runScenario(
  scenario: Scenario,
  target: TargetChoice,
  ctx: CommandContext,
): Promise<ScenarioResult> {
  const started = Date.now();
  const board = target.port ?? target.board ?? "mps2-an386";
  const connection = await connect(
    scenario.icountShift !== undefined ? { ...target, icountShift: scenario.icountShift } : target,
    { ...ctx, err: () => {} },
  );
  const hosted = target.port === undefined && loadBoard(board).hal === "posix";
  const run = new Run(connection.channel, hosted);
  const ready = connection.channel.waitFor(
    (e) => e.kind === "kernel_ready" || e.kind === "heartbeat",
    30_000,
    "the kernel",
  );
  try {
    await connection.start();
    await ready;
    for (const [index, step] of scenario.steps.entries()) {
      try {
        await run.step(step);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return {
          scenario,
          board,
          passed: false,
          failure: `step ${index + 1}: ${reason}`,
          durationMs: Date.now() - started,
          events: run.events.length,
        };
      }
    }
    return {
      scenario,
      board,
      passed: true,
      durationMs: Date.now() - started,
      events: run.events.length,
    };
  } finally {
    await connection.release();
  }
}
