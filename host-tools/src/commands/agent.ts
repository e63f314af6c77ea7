/** `aios agent …` and `aios deploy`: control agents and services on a running device. */
import { statSync } from "node:fs";
import { join, relative } from "node:path";
import cliProgress from "cli-progress";
import { agentStats, killAgent } from "../agent/control.ts";
import {
  type AgentManifest,
  buildImage,
  generateKeyPair,
  loadImage,
  loadPrivateKey,
  publicKeyHex,
} from "../agent/image.ts";
import { deploy, imageDigest, loadManifest, spawnEntry } from "../agent/manifest.ts";
import {
  imageName,
  installImage,
  listStore,
  removeImage,
  startInstalled,
  stopInstalled,
} from "../agent/store.ts";
import { agentImageNames, agentsWasmDir, buildWasm } from "../build/wasm.ts";
import { repoRoot } from "../paths.ts";
import type { CommandContext } from "./context.ts";
import { type Connection, connect, type TargetChoice } from "./target.ts";

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
  options: TargetChoice & { json?: boolean },
  ctx: CommandContext,
): Promise<void> {
  const connection = await connect(options, ctx);
  await connection.start();
  try {
    await killAgent(connection.channel, id);
    if (options.json) ctx.out(JSON.stringify({ agent: id, killed: true }));
    else ctx.err(`agent ${id} killed`);
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
          `agent ${String(s.agent).padStart(3)}  cpu ${(100 * s.cpuShare).toFixed(1).padStart(5)} %  steps ${s.steps}  deadlines met ${s.deadlinesMet} missed ${s.deadlinesMissed}  faults ${s.faults}  restarts ${s.restarts}  memory ${s.memoryBytes} B`,
        );
    }
  } finally {
    await connection.release();
  }
}

/**
 * The images this tree builds into the firmware, with their ids, sizes and digests; with a
 * device (--board or --port), also the images installed in its store and the running agents.
 */
export async function agentListCommand(
  options: TargetChoice & { json: boolean; builtIn?: boolean },
  ctx: CommandContext,
): Promise<void> {
  await buildWasm();
  const row = (id: number, kind: string, name: string, bytes: number, detail: string) =>
    `${String(id).padStart(3)}  ${kind.padEnd(9)} ${name.padEnd(16)} ${String(bytes).padStart(6)} B  ${detail}`;
  agentImageNames().forEach((name, index) => {
    const bytes = statSync(join(agentsWasmDir, `${name}.wasm`)).size;
    const sha256 = imageDigest(name);
    if (options.json)
      ctx.out(JSON.stringify({ image: index + 1, kind: "built-in", name, bytes, sha256 }));
    else ctx.out(row(index + 1, "built-in", name, bytes, `sha256 ${sha256.slice(0, 16)}…`));
  });
  if (options.board === undefined && options.port === undefined) return;
  const connection = await connect(options, ctx);
  await connection.start();
  try {
    const listing = await listStore(connection.channel);
    for (const image of listing.installed) {
      const { manifest, ...rest } = image;
      if (options.json)
        ctx.out(
          JSON.stringify({
            image: image.id,
            kind: "installed",
            ...rest,
            bytes: image.size,
            manifest,
          }),
        );
      else
        ctx.out(
          row(
            image.id,
            "installed",
            image.name,
            image.size,
            `v${image.version}  sha256 ${image.sha256.slice(0, 16)}…`,
          ),
        );
    }
    for (const { agent, image } of listing.agents) {
      const name = imageName(image, listing);
      if (options.json) ctx.out(JSON.stringify({ agent, image, name, kind: "agent" }));
      else ctx.out(`agent ${String(agent).padStart(3)} runs image ${image} (${name})`);
    }
    if (options.json) ctx.out(JSON.stringify({ kind: "store", free: listing.free }));
    else ctx.err(`room for ${listing.free} more installed image(s)`);
  } finally {
    await connection.release();
  }
}

export interface AgentBuildOptions {
  out?: string;
  key?: string;
  name?: string;
  version?: string;
  caps?: string[];
  weight?: number;
  budgetUs?: number;
  periodUs?: number;
  restart?: AgentManifest["restart"];
  memoryCap?: number;
  json: boolean;
}

/** `aios agent build <dir|source>`: compile, write the manifest, sign. */
export async function agentBuildCommand(
  source: string,
  options: AgentBuildOptions,
  ctx: CommandContext,
): Promise<void> {
  const deadline =
    options.budgetUs !== undefined || options.periodUs !== undefined
      ? { budgetUs: options.budgetUs ?? 0, periodUs: options.periodUs ?? 0 }
      : undefined;
  const image = await buildImage(source, {
    ...(options.out !== undefined ? { out: options.out } : {}),
    ...(options.key !== undefined ? { key: options.key } : {}),
    manifest: {
      name: options.name,
      version: options.version,
      capabilities: options.caps,
      weight: options.weight,
      deadline,
      restart: options.restart,
      memoryCap: options.memoryCap,
    } as Partial<AgentManifest>,
  });
  const path = relative(process.cwd(), image.path ?? "");
  if (options.json)
    ctx.out(
      JSON.stringify({
        name: image.name,
        version: image.version,
        bytes: image.wasm.length,
        sha256: image.sha256,
        signature: image.signature,
        manifest: image.manifest,
        path,
      }),
    );
  else
    ctx.out(
      `${image.name} ${image.version}: ${image.wasm.length} B, sha256 ${image.sha256.slice(0, 16)}…, signed -> ${path}`,
    );
}

/** `aios agent keygen`: a new Ed25519 key pair (by default the development pair in keys/). */
export function agentKeygenCommand(
  options: { out?: string; force: boolean; json: boolean },
  ctx: CommandContext,
): void {
  const prefix = options.out ?? join(repoRoot, "keys/development-only");
  const paths = generateKeyPair(prefix, options.force);
  const publicKey = publicKeyHex(loadPrivateKey(paths.private));
  if (options.json) ctx.out(JSON.stringify({ ...paths, publicKey }));
  else {
    ctx.out(`private key ${paths.private}\npublic key  ${paths.public} (${publicKey})`);
    ctx.err(
      "build the firmware with -DAIOS_SIGNING_PUBLIC_KEY=<public key file> (the default is keys/development-only.public.hex) so it accepts images signed with this key",
    );
  }
}

/** `aios agent install <built>`: send a built image to the device's store. */
export async function agentInstallCommand(
  path: string,
  options: TargetChoice & { json: boolean; chunkBytes?: number },
  ctx: CommandContext,
): Promise<void> {
  const image = loadImage(path);
  const bar =
    process.stderr.isTTY === true && !options.json
      ? new cliProgress.SingleBar(
          { format: `${image.name} {bar} {value}/{total} B`, stream: process.stderr },
          cliProgress.Presets.shades_classic,
        )
      : undefined;
  bar?.start(image.wasm.length, 0);
  try {
    const result = await withDevice(options, ctx, (channel) =>
      installImage(channel, image, {
        ...(options.chunkBytes !== undefined ? { chunkBytes: options.chunkBytes } : {}),
        onProgress: (received) => bar?.update(received),
      }),
    );
    bar?.stop();
    if (options.json)
      ctx.out(
        JSON.stringify({
          name: image.name,
          version: image.version,
          ...result,
          bytes: image.wasm.length,
        }),
      );
    else
      ctx.out(
        `${image.name} ${image.version} installed as image ${result.id}${result.resumedFrom > 0 ? ` (resumed at ${result.resumedFrom} B)` : ""}`,
      );
  } finally {
    bar?.stop();
  }
}

/** Runs `work` on a connected device whose kernel is up. */
async function withDevice<T>(
  options: TargetChoice,
  ctx: CommandContext,
  work: (channel: Connection["channel"]) => Promise<T>,
): Promise<T> {
  const connection = await connect(options, ctx);
  await connection.start();
  try {
    await connection.channel.waitFor(
      (e) => e.kind === "kernel_ready" || e.kind === "heartbeat",
      30_000,
      "the kernel",
    );
    return await work(connection.channel);
  } finally {
    await connection.release();
  }
}

export async function agentStartCommand(
  name: string,
  options: TargetChoice & { json: boolean },
  ctx: CommandContext,
): Promise<void> {
  const agent = await withDevice(options, ctx, (channel) => startInstalled(channel, name));
  ctx.out(options.json ? JSON.stringify({ name, agent }) : `${name}: agent ${agent}`);
}

export async function agentStopCommand(
  name: string,
  options: TargetChoice & { json: boolean },
  ctx: CommandContext,
): Promise<void> {
  const agents = await withDevice(options, ctx, (channel) => stopInstalled(channel, name));
  if (options.json) ctx.out(JSON.stringify({ name, stopped: agents }));
  else
    ctx.out(
      agents.length > 0
        ? `${name}: stopped agent ${agents.join(", ")}`
        : `${name}: no agent was running it`,
    );
}

export async function agentRemoveCommand(
  name: string,
  options: TargetChoice & { json: boolean },
  ctx: CommandContext,
): Promise<void> {
  const id = await withDevice(options, ctx, (channel) => removeImage(channel, name));
  ctx.out(options.json ? JSON.stringify({ name, removed: id }) : `${name}: image ${id} removed`);
}

export async function deployCommand(
  manifestPath: string,
  options: TargetChoice & { json: boolean },
  ctx: CommandContext,
): Promise<void> {
  const manifest = loadManifest(manifestPath);
  const agents = await withDevice(options, ctx, (channel) => deploy(channel, manifest));
  for (const [name, id] of agents)
    ctx.out(options.json ? JSON.stringify({ name, agent: id }) : `${name}: agent ${id}`);
}
