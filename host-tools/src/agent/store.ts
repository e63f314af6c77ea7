/**
 * The device's image store over a channel (schema commands image_begin .. image_remove):
 * install with CRC-checked chunks that resumes where the device's staged copy ends, list,
 * remove, and start / stop an installed image as the kernel's agents, as its manifest says.
 * Store commands are the core's, not the kernel's: they carry no correlation id, and a refusal
 * is the command_error naming the command's type.
 */
import { crc32 } from "node:zlib";
import { agentImageNames } from "../build/wasm.ts";
import { UsageError } from "../errors.ts";
import type { TimedEvent } from "../monitor/format.ts";
import { schema } from "../protocol/generated/schema.ts";
import type { DeviceChannel } from "../transport/channel.ts";
import { flagMask } from "./abi.ts";
import {
  CommandRefusedError,
  exchange,
  killAgent,
  request,
  setFaultPolicy,
  spawnAgent,
} from "./control.ts";
import { type AgentManifest, type BuiltImage, checkManifest } from "./image.ts";

/** Largest chunk: image_chunk's data is a `bytes` field (u8 length). */
export const maxChunkBytes = 255;

const commandId = (name: string): number => {
  const command = schema.commands.find((c) => c.name === name);
  if (command === undefined) throw new Error(`no command ${name} in the schema`);
  return command.id;
};

/** Sends a store command (the core's: no correlation, refusals name the command). */
function storeRequest(
  channel: DeviceChannel,
  command: string,
  values: Record<string, unknown>,
  answer: (event: TimedEvent) => boolean,
  timeoutMs = 10_000,
): Promise<TimedEvent> {
  const id = commandId(command);
  return exchange(channel, command, values, (e) => e.fields.command === id, answer, timeoutMs);
}

export interface InstallOptions {
  chunkBytes?: number;
  /** Called after every acknowledged chunk (and once at the start). */
  onProgress?: (received: number, size: number) => void;
  timeoutMs?: number;
}

export interface InstallResult {
  id: number;
  sequence: number;
  /** Bytes the device already held from an earlier, interrupted install of the same image. */
  resumedFrom: number;
}

function begin(channel: DeviceChannel, image: BuiltImage, timeoutMs: number): Promise<TimedEvent> {
  return storeRequest(
    channel,
    "image_begin",
    {
      name: image.name,
      version: image.version,
      size: image.wasm.length,
      sha256: image.sha256,
      signature: image.signature,
      manifest: Buffer.from(image.manifestText, "utf8").toString("hex"),
    },
    (e) => e.kind === "image_progress" && e.fields.name === image.name,
    timeoutMs,
  );
}

/**
 * Installs `image`: begin (the device answers how much of this very image it already holds),
 * the rest in chunks, each acknowledged before the next, then commit. A chunk refused for its
 * offset or CRC is resent from where the device says it stands; anything else stops the
 * install and the installed version stays.
 */
export async function installImage(
  channel: DeviceChannel,
  image: BuiltImage,
  options: InstallOptions = {},
): Promise<InstallResult> {
  const chunkBytes = Math.min(options.chunkBytes ?? maxChunkBytes, maxChunkBytes);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const size = image.wasm.length;
  let received = Number((await begin(channel, image, timeoutMs)).fields.received);
  const resumedFrom = received;
  options.onProgress?.(received, size);
  let retries = 0;
  while (received < size) {
    const data = image.wasm.subarray(received, Math.min(size, received + chunkBytes));
    const expected = received + data.length;
    try {
      const progress = await storeRequest(
        channel,
        "image_chunk",
        { offset: received, crc: crc32(data), data: Buffer.from(data).toString("hex") },
        (e) => e.kind === "image_progress" && e.fields.name === image.name,
        timeoutMs,
      );
      received = Number(progress.fields.received);
      retries = 0;
    } catch (error) {
      const recoverable =
        error instanceof CommandRefusedError &&
        (error.errorName === "image_bad_offset" || error.errorName === "image_bad_crc");
      if (!recoverable || ++retries > 3) throw error;
      received = Number((await begin(channel, image, timeoutMs)).fields.received);
    }
    if (received > expected) throw new Error(`the device reports ${received} bytes of ${size}`);
    options.onProgress?.(received, size);
  }
  const installed = await storeRequest(
    channel,
    "image_commit",
    { name: image.name },
    (e) => e.kind === "image_installed" && e.fields.name === image.name,
    60_000,
  );
  return {
    id: Number(installed.fields.id),
    sequence: Number(installed.fields.sequence),
    resumedFrom,
  };
}

export interface InstalledImage {
  id: number;
  name: string;
  version: string;
  size: number;
  sha256: string;
  manifest: AgentManifest | undefined;
}

export interface StoreListing {
  installed: InstalledImage[];
  /** Running agents and their image ids. */
  agents: { agent: number; image: number }[];
  free: number;
}

function parseManifest(text: string, where: string): AgentManifest | undefined {
  try {
    return checkManifest(JSON.parse(text) as AgentManifest, where);
  } catch {
    return undefined;
  }
}

export async function listStore(channel: DeviceChannel, timeoutMs = 10_000): Promise<StoreListing> {
  const installed: InstalledImage[] = [];
  const agents: StoreListing["agents"] = [];
  const off = channel.onEvent((e) => {
    if (e.kind === "image_info") {
      const name = String(e.fields.name);
      installed.push({
        id: Number(e.fields.id),
        name,
        version: String(e.fields.version),
        size: Number(e.fields.size),
        sha256: String(e.fields.sha256),
        manifest: parseManifest(
          Buffer.from(String(e.fields.manifest), "hex").toString("utf8"),
          `the manifest of ${name}`,
        ),
      });
    } else if (e.kind === "image_agent") {
      agents.push({ agent: Number(e.fields.agent), image: Number(e.fields.image) });
    }
  });
  try {
    const end = await storeRequest(
      channel,
      "image_list",
      {},
      (e) => e.kind === "image_list_end",
      timeoutMs,
    );
    return { installed, agents, free: Number(end.fields.free) };
  } finally {
    off();
  }
}

export async function removeImage(channel: DeviceChannel, name: string): Promise<number> {
  const removed = await storeRequest(
    channel,
    "image_remove",
    { name },
    (e) => e.kind === "image_removed" && e.fields.name === name,
  );
  return Number(removed.fields.id);
}

/** The name of image `id`: built in (agents/images.json) or installed. */
export function imageName(id: number, listing: StoreListing): string {
  if (id >= 256) return listing.installed.find((i) => i.id === id)?.name ?? `image ${id}`;
  return agentImageNames()[id - 1] ?? `image ${id}`;
}

function installedNamed(listing: StoreListing, name: string): InstalledImage {
  const image = listing.installed.find((i) => i.name === name);
  if (image === undefined) {
    const known = listing.installed.map((i) => i.name);
    throw new UsageError(
      `no installed image '${name}'. Installed: ${known.length > 0 ? known.join(", ") : "none"}`,
    );
  }
  return image;
}

/**
 * Starts installed image `name` as an agent the way its manifest says: a resource group of its
 * own when it sets quotas or a memory cap, its capabilities, weight or deadline reservation, and
 * its restart policy as the agent's fault policy. Resolves with the agent id.
 */
export async function startInstalled(channel: DeviceChannel, name: string): Promise<number> {
  const image = installedNamed(await listStore(channel), name);
  const manifest = image.manifest;
  if (manifest === undefined)
    throw new UsageError(`the manifest stored with ${name} is unreadable`);
  let group = 0;
  const quotas = manifest.quotas ?? {};
  if (manifest.memoryCap !== undefined || Object.keys(quotas).length > 0) {
    const created = await request(
      channel,
      "group_create",
      {
        parent: 0,
        memory_bytes: manifest.memoryCap ?? quotas.memoryBytes ?? 0,
        cpu_budget_us: quotas.cpuBudgetUs ?? 0,
        cpu_period_us: quotas.cpuPeriodUs ?? 0,
        event_rate: quotas.eventRate ?? 0,
        io_bytes_per_s: quotas.ioBytesPerS ?? 0,
      },
      (e) => e.kind === "group_created",
    );
    group = Number(created.fields.group);
  }
  const agent = await spawnAgent(channel, {
    image: image.id,
    caps: flagMask("flags.ts", "Cap", manifest.capabilities),
    group,
    weight: manifest.weight ?? 100,
    budgetUs: manifest.deadline?.budgetUs ?? 0,
    periodUs: manifest.deadline?.periodUs ?? 0,
    args: manifest.args ?? [],
  });
  await setFaultPolicy(channel, agent, {
    kind: manifest.restart === "never" ? "kill" : "restart_backoff",
  });
  return agent;
}

/** Kills every agent running installed image `name`; resolves with their ids. */
export async function stopInstalled(channel: DeviceChannel, name: string): Promise<number[]> {
  const listing = await listStore(channel);
  const image = installedNamed(listing, name);
  const agents = listing.agents.filter((a) => a.image === image.id).map((a) => a.agent);
  for (const agent of agents) await killAgent(channel, agent);
  return agents;
}
