/**
 * Driving the kernel from the host: spawn, kill, fault policy and statistics, as kernel
 * commands (schema ids from 192) over a device channel. Every command carries a fresh
 * correlation id; the answer is the event that carries it back, or a command_error with it.
 */

import { agentImageNames } from "../build/wasm.ts";
import { AiosError, ExitCode, TimeoutError, UsageError } from "../errors.ts";
import type { TimedEvent } from "../monitor/format.ts";
import { schema } from "../protocol/generated/schema.ts";
import type { DeviceChannel } from "../transport/channel.ts";

/** The device refused a command; `code` is the taxonomy error. */
export class CommandRefusedError extends AiosError {
  /** The taxonomy name of `code`, e.g. "sched_admission_refused". */
  readonly errorName: string;

  constructor(
    readonly command: string,
    readonly code: number,
  ) {
    const name = schema.errors.find((e) => e.code === code)?.name ?? `error ${code}`;
    super(`the device refused ${command}: ${name}`, ExitCode.usage);
    this.errorName = name;
  }
}

export interface SpawnOptions {
  /** An agent name from agents/images.json, or its image id. */
  image: string | number;
  caps?: number;
  group?: number;
  weight?: number;
  hints?: number;
  budgetUs?: number;
  periodUs?: number;
  args?: number[];
}

export interface AgentStats {
  agent: number;
  cpuFuel: number;
  /** This agent's part of all the fuel the agents listed have burned since they started. */
  cpuShare: number;
  steps: number;
  faults: number;
  memoryBytes: number;
  deadlinesMet: number;
  deadlinesMissed: number;
  overruns: number;
  restarts: number;
}

let nextCorrelation = 1;

export function imageId(image: string | number): number {
  if (typeof image === "number") return image;
  const names = agentImageNames();
  const index = names.indexOf(image);
  if (index < 0)
    throw new UsageError(`unknown agent image '${image}'. Known images: ${names.join(", ")}`);
  return index + 1;
}

/**
 * Sends a command; resolves with the first event `answer` accepts, or throws the device's
 * refusal: the command_error that `refusal` recognises as this command's.
 */
export async function exchange(
  channel: DeviceChannel,
  command: string,
  values: Record<string, unknown>,
  refusal: (commandError: TimedEvent) => boolean,
  answer: (event: TimedEvent) => boolean,
  timeoutMs = 10_000,
): Promise<TimedEvent> {
  const reply = channel.waitFor(
    (e) => (e.kind === "command_error" ? refusal(e) : answer(e)),
    timeoutMs,
    `an answer to ${command}`,
  );
  await channel.send(command, values);
  const event = await reply;
  if (event.kind === "command_error")
    throw new CommandRefusedError(command, Number(event.fields.error));
  return event;
}

/** Sends a kernel command; resolves with the first event `answer` accepts for its correlation. */
export function request(
  channel: DeviceChannel,
  command: string,
  values: Record<string, unknown>,
  answer: (event: TimedEvent) => boolean,
  timeoutMs = 10_000,
): Promise<TimedEvent> {
  const correlation = nextCorrelation++;
  const mine = (e: TimedEvent) => e.fields.correlation === correlation;
  return exchange(
    channel,
    command,
    { correlation, ...values },
    mine,
    (e) => mine(e) && answer(e),
    timeoutMs,
  );
}

/** Spawns an agent; resolves with its id. */
export async function spawnAgent(channel: DeviceChannel, options: SpawnOptions): Promise<number> {
  const args = options.args ?? [];
  const spawned = await request(
    channel,
    "agent_spawn",
    {
      image: imageId(options.image),
      caps: options.caps ?? 0,
      group: options.group ?? 0,
      weight: options.weight ?? 100,
      hints: options.hints ?? 0,
      budget_us: options.budgetUs ?? 0,
      period_us: options.periodUs ?? 0,
      arg0: args[0] ?? 0,
      arg1: args[1] ?? 0,
      arg2: args[2] ?? 0,
      arg3: args[3] ?? 0,
    },
    (e) => e.kind === "agent_spawned",
  );
  return Number(spawned.fields.agent);
}

export async function killAgent(channel: DeviceChannel, agent: number): Promise<void> {
  await request(
    channel,
    "agent_kill",
    { agent },
    (e) => e.kind === "agent_killed" || e.kind === "agent_exited",
  );
}

/**
 * Sends a kernel command the kernel answers only when it refuses it: resolves after `graceMs`
 * without a command_error carrying the command's correlation id, or throws that refusal.
 */
export async function sendUnlessRefused(
  channel: DeviceChannel,
  command: string,
  values: Record<string, unknown>,
  graceMs = 1_000,
): Promise<void> {
  const correlation = nextCorrelation++;
  const refused = channel
    .waitFor((e) => e.kind === "command_error" && e.fields.correlation === correlation, graceMs, "")
    .then(
      (e) => new CommandRefusedError(command, Number(e.fields.error)),
      () => undefined,
    );
  await channel.send(command, { correlation, ...values });
  const error = await refused;
  if (error !== undefined) throw error;
}

export function setFaultPolicy(
  channel: DeviceChannel,
  agent: number,
  policy: {
    kind: string;
    threshold?: number;
    windowMs?: number;
    backoffMs?: number;
    backoffMaxMs?: number;
    supervisor?: number;
  },
): Promise<void> {
  return sendUnlessRefused(channel, "agent_fault_policy", {
    agent,
    policy: policy.kind,
    threshold: policy.threshold ?? 3,
    window_ms: policy.windowMs ?? 10_000,
    backoff_ms: policy.backoffMs ?? 10,
    backoff_max_ms: policy.backoffMaxMs ?? 1_000,
    supervisor: policy.supervisor ?? 0,
  });
}

/** Asks for every agent's statistics and collects the answers until the stream goes quiet. */
export async function agentStats(
  channel: DeviceChannel,
  quietMs = 300,
  timeoutMs = 5_000,
): Promise<AgentStats[]> {
  const correlation = nextCorrelation++;
  const stats: AgentStats[] = [];
  return new Promise((resolve, reject) => {
    let quiet: NodeJS.Timeout | undefined;
    const done = () => {
      off();
      clearTimeout(overall);
      const total = stats.reduce((sum, s) => sum + s.cpuFuel, 0);
      for (const s of stats) s.cpuShare = total > 0 ? s.cpuFuel / total : 0;
      resolve(stats);
    };
    const overall = setTimeout(() => {
      off();
      reject(new TimeoutError(`no agent statistics within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    const off = channel.onEvent((e) => {
      if (e.fields.correlation !== correlation) return;
      if (e.kind === "agent_stats") {
        stats.push({
          agent: Number(e.fields.agent),
          cpuFuel: Number(e.fields.cpu_fuel),
          cpuShare: 0,
          steps: Number(e.fields.steps),
          faults: Number(e.fields.faults),
          memoryBytes: Number(e.fields.memory_bytes),
          deadlinesMet: 0,
          deadlinesMissed: 0,
          overruns: 0,
          restarts: 0,
        });
      } else if (e.kind === "agent_sched_stats") {
        // The kernel sends it right after the same agent's agent_stats.
        const s = stats.find((x) => x.agent === Number(e.fields.agent));
        if (s === undefined) return;
        s.deadlinesMet = Number(e.fields.deadlines_met);
        s.deadlinesMissed = Number(e.fields.deadlines_missed);
        s.overruns = Number(e.fields.overruns);
        s.restarts = Number(e.fields.restarts);
      } else {
        return;
      }
      clearTimeout(quiet);
      quiet = setTimeout(done, quietMs);
    });
    quiet = setTimeout(done, quietMs * 4);
    void channel.send("stats_request", { correlation, what: "agents" }).catch(reject);
  });
}
