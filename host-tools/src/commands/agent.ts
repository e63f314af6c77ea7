/** `aios agent …` and `aios deploy`: control agents and services on a running device. */
import { statSync } from "node:fs";
import { join } from "node:path";
import { agentStats, killAgent } from "../agent/control.ts";
import { deploy, imageDigest, loadManifest, spawnEntry } from "../agent/manifest.ts";
import { agentImageNames, agentsWasmDir, buildWasm } from "../build/wasm.ts";
import type { CommandContext } from "./context.ts";
import { connect, type TargetChoice } from "./target.ts";

export interface SpawnCommandOptions extends TargetChoice {
  arg: number[];
  weight: number;
  caps: string[];
  hints: string[];
  budgetUs?: number;
  periodUs?: number;
  json: boolean;
}

export async function agentSpawnCommand(
  image: string,
  options: SpawnCommandOptions,
  ctx: CommandContext,
): Promise<void> {
  const connection = await connect(options, ctx);
  await connection.start();
  try {
    const id = await spawnEntry(connection.channel, {
      name: image,
      image,
      weight: options.weight,
      caps: options.caps,
      hints: options.hints,
      args: options.arg,
      ...(options.budgetUs !== undefined ? { budgetUs: options.budgetUs } : {}),
      ...(options.periodUs !== undefined ? { periodUs: options.periodUs } : {}),
    });
    ctx.out(options.json ? JSON.stringify({ agent: id, image }) : String(id));
  } finally {
    await connection.release();
  }
}

export async function agentKillCommand(
  id: number,
  options: TargetChoice,
  ctx: CommandContext,
): Promise<void> {
  const connection = await connect(options, ctx);
  await connection.start();
  try {
    await killAgent(connection.channel, id);
    ctx.err(`agent ${id} killed`);
  } finally {
    await connection.release();
  }
}

export async function agentStatsCommand(
  options: TargetChoice & { json: boolean },
  ctx: CommandContext,
): Promise<void> {
  const connection = await connect(options, ctx);
  await connection.start();
  try {
    const stats = await agentStats(connection.channel);
    for (const s of stats) {
      if (options.json) ctx.out(JSON.stringify(s));
      else
        ctx.out(
          `agent ${String(s.agent).padStart(3)}  cpu fuel ${s.cpuFuel}  steps ${s.steps}  faults ${s.faults}  memory ${s.memoryBytes} B`,
        );
    }
  } finally {
    await connection.release();
  }
}

/** The images this tree builds into the firmware, with their ids, sizes and digests. */
export async function agentListCommand(
  options: { json: boolean },
  ctx: CommandContext,
): Promise<void> {
  await buildWasm();
  agentImageNames().forEach((name, index) => {
    const bytes = statSync(join(agentsWasmDir, `${name}.wasm`)).size;
    const sha256 = imageDigest(name);
    if (options.json) ctx.out(JSON.stringify({ image: index + 1, name, bytes, sha256 }));
    else
      ctx.out(
        `${String(index + 1).padStart(3)}  ${name.padEnd(12)} ${String(bytes).padStart(6)} B  sha256 ${sha256.slice(0, 16)}…`,
      );
  });
}

export async function deployCommand(
  manifestPath: string,
  options: TargetChoice & { json: boolean },
  ctx: CommandContext,
): Promise<void> {
  const manifest = loadManifest(manifestPath);
  const connection = await connect(options, ctx);
  await connection.start();
  try {
    await connection.channel.waitFor(
      (e) => e.kind === "kernel_ready" || e.kind === "heartbeat",
      30_000,
      "the kernel",
    );
    const agents = await deploy(connection.channel, manifest);
    for (const [name, id] of agents)
      ctx.out(options.json ? JSON.stringify({ name, agent: id }) : `${name}: agent ${id}`);
  } finally {
    await connection.release();
  }
}
