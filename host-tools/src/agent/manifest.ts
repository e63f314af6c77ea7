/**
 * A deployment manifest: the agents to spawn and the services initd supervises on a device,
 * as a JSON file (agents/demo.json is the demo's). Checked on load; every mistake is reported
 * with the entry it is in.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { agentsWasmDir } from "../build/wasm.ts";
import { UsageError } from "../errors.ts";
import type { TimedEvent } from "../monitor/format.ts";
import type { DeviceChannel } from "../transport/channel.ts";
import { flagMask } from "./abi.ts";
import { imageId, request, setFaultPolicy, spawnAgent } from "./control.ts";

export interface AgentEntry {
  name: string;
  image: string;
  /** Resource group (0 is the root group; others come from group_create). */
  group?: number;
  weight?: number;
  hints?: string[];
  caps?: string[];
  budgetUs?: number;
  periodUs?: number;
  args?: number[];
  faultPolicy?: {
    kind: string;
    threshold?: number;
    windowMs?: number;
    backoffMs?: number;
    backoffMaxMs?: number;
  };
}

export interface ServiceEntry {
  id: number;
  name: string;
  image: string;
  deps?: number[];
  caps?: string[];
  restart?: "never" | "on_failure" | "always";
  maxRestarts?: number;
  windowMs?: number;
  healthMs?: number;
  watchdogMs?: number;
  escalation?: "none" | "agent" | "supervisor" | "board_reset";
  /** The hardware watchdog is fed only while every critical service is up. */
  critical?: boolean;
  weight?: number;
  args?: number[];
  /** The digest initd checks; by default the built image's own (a wrong one tests attestation). */
  sha256?: string;
}

export interface Manifest {
  agents: AgentEntry[];
  services: ServiceEntry[];
}

export function loadManifest(path: string): Manifest {
  let parsed: Partial<Manifest>;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8")) as Partial<Manifest>;
  } catch (error) {
    throw new UsageError(`cannot read manifest ${path}: ${(error as Error).message}`);
  }
  const manifest = { agents: parsed.agents ?? [], services: parsed.services ?? [] };
  for (const entry of [...manifest.agents, ...manifest.services]) {
    if (typeof entry.name !== "string" || typeof entry.image !== "string") {
      throw new UsageError(
        `${path}: every entry needs a "name" and an "image": ${JSON.stringify(entry)}`,
      );
    }
    imageId(entry.image);
  }
  for (const service of manifest.services) {
    if (!Number.isInteger(service.id) || service.id < 0 || service.id > 15) {
      throw new UsageError(`${path}: service ${service.name} needs an "id" from 0 to 15`);
    }
  }
  return manifest;
}

/** The SHA-256 initd checks before it starts a service: the image as built. */
export function imageDigest(image: string): string {
  return createHash("sha256")
    .update(readFileSync(join(agentsWasmDir, `${image}.wasm`)))
    .digest("hex");
}

const caps = (names: string[] | undefined) => flagMask("flags.ts", "Cap", names ?? []);

export async function spawnEntry(channel: DeviceChannel, entry: AgentEntry): Promise<number> {
  const agent = await spawnAgent(channel, {
    image: entry.image,
    caps: caps(entry.caps),
    group: entry.group ?? 0,
    weight: entry.weight ?? 100,
    hints: flagMask("flags.ts", "Hint", entry.hints ?? []),
    budgetUs: entry.budgetUs ?? 0,
    periodUs: entry.periodUs ?? 0,
    args: entry.args ?? [],
  });
  if (entry.faultPolicy !== undefined) await setFaultPolicy(channel, agent, entry.faultPolicy);
  return agent;
}

export async function registerService(
  channel: DeviceChannel,
  entry: ServiceEntry,
): Promise<TimedEvent> {
  const args = entry.args ?? [];
  return request(
    channel,
    "svc_register",
    {
      service: entry.id,
      image: imageId(entry.image),
      deps: (entry.deps ?? []).reduce((mask, d) => mask | (1 << d), 0),
      caps: caps(entry.caps),
      restart: entry.restart ?? "on_failure",
      max_restarts: entry.maxRestarts ?? 3,
      window_ms: entry.windowMs ?? 10_000,
      health_ms: entry.healthMs ?? 0,
      watchdog_ms: entry.watchdogMs ?? 0,
      escalation: entry.escalation ?? "supervisor",
      critical: entry.critical === true ? 1 : 0,
      weight: entry.weight ?? 100,
      arg0: args[0] ?? 0,
      arg1: args[1] ?? 0,
      arg2: args[2] ?? 0,
      arg3: args[3] ?? 0,
      sha256: entry.sha256 ?? imageDigest(entry.image),
    },
    (e) => e.kind === "svc_registered",
  );
}

/** Registers every service, starts them all (initd orders them), then spawns the agents. */
export async function deploy(
  channel: DeviceChannel,
  manifest: Manifest,
): Promise<Map<string, number>> {
  const agents = new Map<string, number>();
  for (const service of manifest.services) await registerService(channel, service);
  if (manifest.services.length > 0) {
    await request(channel, "svc_start", { service: 255 }, (e) => e.kind === "svc_started");
  }
  for (const entry of manifest.agents) agents.set(entry.name, await spawnEntry(channel, entry));
  return agents;
}
