/**
 * Installable agent images: `aios agent build` compiles an agent, writes its manifest and signs
 * both with the project's Ed25519 key (node:crypto); `aios agent install` sends what this module
 * loads back. A built image is two files in build/install/<name>/: <name>.wasm and
 * <name>.agent.json (name, version, the manifest text that was signed, SHA-256, signature).
 *
 * What is signed is the record firmware/core/include/aios/image_store.h defines:
 *   "AIOS-IMAGE-1" | u8 len, name | u8 len, version | u32le size | SHA-256 | u8 len, manifest
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
} from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { compileAgent } from "../build/wasm.ts";
import { UsageError } from "../errors.ts";
import { buildRoot, repoRoot } from "../paths.ts";
import { flagMask } from "./abi.ts";

/** The development key pair every clone shares (keys/README.md): never for a product. */
export const developmentKey = join(repoRoot, "keys/development-only.private.pem");

const restartPolicies = ["never", "on_failure", "always"] as const;

/** What an agent asks of the kernel when it is started from the store. */
export interface AgentManifest {
  name: string;
  version: string;
  /** Capability flag names (firmware/kernel/abi/flags.ts Cap), e.g. events_publish. */
  capabilities: string[];
  /** Fair-share weight (ignored when a deadline reservation is given). */
  weight?: number;
  /** Deadline class: a CPU budget per period, admitted by the kernel's EDF test. */
  deadline?: { budgetUs: number; periodUs: number };
  /** A resource group of its own with these quotas (memory, CPU, event rate, I/O). */
  quotas?: {
    memoryBytes?: number;
    cpuBudgetUs?: number;
    cpuPeriodUs?: number;
    eventRate?: number;
    ioBytesPerS?: number;
  };
  /** What a fault does: never (kill), on_failure / always (restart with backoff). */
  restart: (typeof restartPolicies)[number];
  /** Most linear memory the agent may hold, in bytes (the group's memory quota). */
  memoryCap?: number;
  /** Spawn arguments arg0..arg3. */
  args?: number[];
}

export interface BuiltImage {
  name: string;
  version: string;
  manifest: AgentManifest;
  /** The manifest as signed and stored on the device: compact JSON, at most 255 bytes. */
  manifestText: string;
  sha256: string;
  signature: string;
  wasm: Uint8Array;
  /** The .agent.json file, when loaded from or written to disk. */
  path?: string;
}

/** Where `aios agent build` puts an image by default. */
export const installDir = (name: string): string => join(buildRoot, "install", name);

/** The bytes the signature covers. */
export function signedRecord(
  name: string,
  version: string,
  size: number,
  sha256: Buffer,
  manifestText: string,
): Buffer {
  const manifest = Buffer.from(manifestText, "utf8");
  const sizeBytes = Buffer.alloc(4);
  sizeBytes.writeUInt32LE(size);
  return Buffer.concat([
    Buffer.from("AIOS-IMAGE-1", "ascii"),
    Buffer.from([Buffer.byteLength(name)]),
    Buffer.from(name, "utf8"),
    Buffer.from([Buffer.byteLength(version)]),
    Buffer.from(version, "utf8"),
    sizeBytes,
    sha256,
    Buffer.from([manifest.length]),
    manifest,
  ]);
}

function fail(where: string, message: string): never {
  throw new UsageError(`${where}: ${message}`);
}

const positive = (value: unknown): boolean =>
  typeof value === "number" && Number.isInteger(value) && value > 0;

/** Checks a manifest; every mistake names the field. */
export function checkManifest(manifest: AgentManifest, where: string): AgentManifest {
  if (typeof manifest.name !== "string" || !/^[A-Za-z0-9._-]{1,23}$/.test(manifest.name))
    fail(where, `"name" must be 1 to 23 letters, digits, '.', '_' or '-'`);
  if (typeof manifest.version !== "string" || !/^[\x21-\x7e]{1,15}$/.test(manifest.version))
    fail(where, `"version" must be 1 to 15 printable characters, e.g. 1.2.0`);
  if (!Array.isArray(manifest.capabilities))
    fail(where, `"capabilities" must be a list of flag names`);
  flagMask("flags.ts", "Cap", manifest.capabilities);
  if (!restartPolicies.includes(manifest.restart))
    fail(where, `"restart" must be one of ${restartPolicies.join(", ")}`);
  if (manifest.weight !== undefined && (!positive(manifest.weight) || manifest.weight > 65535))
    fail(where, `"weight" must be an integer from 1 to 65535`);
  if (
    manifest.deadline !== undefined &&
    (!positive(manifest.deadline.budgetUs) || !positive(manifest.deadline.periodUs))
  )
    fail(where, `"deadline" needs positive integers "budgetUs" and "periodUs"`);
  if (manifest.memoryCap !== undefined && !positive(manifest.memoryCap))
    fail(where, `"memoryCap" must be a positive number of bytes`);
  for (const [key, value] of Object.entries(manifest.quotas ?? {}))
    if (!positive(value)) fail(where, `"quotas.${key}" must be a positive integer`);
  if (
    manifest.args !== undefined &&
    (manifest.args.length > 4 || !manifest.args.every(Number.isInteger))
  )
    fail(where, `"args" must be up to four integers`);
  return manifest;
}

/** Makes a key pair: <prefix>.private.pem (PKCS#8) and <prefix>.public.hex (what CMake reads). */
export function generateKeyPair(
  prefix: string,
  overwrite: boolean,
): { private: string; public: string } {
  const paths = { private: `${prefix}.private.pem`, public: `${prefix}.public.hex` };
  if (!overwrite && (existsSync(paths.private) || existsSync(paths.public)))
    throw new UsageError(`${paths.private} exists; pass --force to replace it`);
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  mkdirSync(dirname(resolve(paths.private)), { recursive: true });
  writeFileSync(paths.private, privateKey.export({ type: "pkcs8", format: "pem" }), {
    mode: 0o600,
  });
  writeFileSync(paths.public, `${publicKeyHex(publicKey)}\n`);
  return paths;
}

export function publicKeyHex(key: KeyObject): string {
  const jwk = (key.type === "public" ? key : createPublicKey(key)).export({ format: "jwk" });
  return Buffer.from(String(jwk.x), "base64url").toString("hex");
}

export function loadPrivateKey(path: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(readFileSync(path));
  } catch (error) {
    throw new UsageError(`cannot read the signing key ${path}: ${(error as Error).message}`);
  }
  if (key.asymmetricKeyType !== "ed25519")
    throw new UsageError(`${path} is a ${key.asymmetricKeyType} key; an Ed25519 key is needed`);
  return key;
}

/** The manifest of an agent folder (agent.json) or of a lone source file, with overrides. */
function readManifest(source: string, overrides: Partial<AgentManifest>): AgentManifest {
  const file = join(source, "agent.json");
  let base: Partial<AgentManifest> = {};
  if (statSync(source).isDirectory() && existsSync(file)) {
    try {
      base = JSON.parse(readFileSync(file, "utf8")) as Partial<AgentManifest>;
    } catch (error) {
      throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
    }
  }
  const fallbackName = statSync(source).isDirectory()
    ? basename(resolve(source))
    : basename(source, ".ts");
  const merged = {
    name: fallbackName,
    version: "0.0.0",
    capabilities: [],
    restart: "on_failure",
    ...base,
    ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)),
  } as AgentManifest;
  return checkManifest(merged, existsSync(file) ? file : source);
}

/** Signs a compiled image and its manifest. */
export function signImage(wasm: Uint8Array, manifest: AgentManifest, key: KeyObject): BuiltImage {
  const manifestText = JSON.stringify(manifest);
  if (Buffer.byteLength(manifestText) > 255)
    throw new UsageError(
      `the manifest of ${manifest.name} is ${Buffer.byteLength(manifestText)} bytes as JSON; the store keeps at most 255`,
    );
  const digest = createHash("sha256").update(wasm).digest();
  const record = signedRecord(manifest.name, manifest.version, wasm.length, digest, manifestText);
  return {
    name: manifest.name,
    version: manifest.version,
    manifest,
    manifestText,
    sha256: digest.toString("hex"),
    signature: sign(null, record, key).toString("hex"),
    wasm,
  };
}

export interface BuildImageOptions {
  out?: string;
  key?: string;
  manifest?: Partial<AgentManifest>;
}

/** `aios agent build`: compile <dir>/index.ts (or a .ts file), sign, write to the out folder. */
export async function buildImage(source: string, options: BuildImageOptions): Promise<BuiltImage> {
  if (!existsSync(source)) throw new UsageError(`no agent source at ${source}`);
  const manifest = readManifest(source, options.manifest ?? {});
  const entry = statSync(source).isDirectory() ? join(source, "index.ts") : source;
  if (!existsSync(entry)) throw new UsageError(`${source} has no index.ts`);
  const out = options.out ?? installDir(manifest.name);
  const wasmPath = join(out, `${manifest.name}.wasm`);
  await compileAgent(resolve(entry), wasmPath);
  const image = signImage(
    readFileSync(wasmPath),
    manifest,
    loadPrivateKey(options.key ?? developmentKey),
  );
  image.path = join(out, `${manifest.name}.agent.json`);
  const { wasm: _bytes, path: _path, ...description } = image;
  writeFileSync(
    image.path,
    `${JSON.stringify({ format: "aios-agent-image", ...description, wasm: `${manifest.name}.wasm` }, null, 2)}\n`,
  );
  return image;
}

/** Loads what `aios agent build` wrote: the .agent.json file, or the folder holding one. */
export function loadImage(path: string): BuiltImage {
  let file = path;
  if (existsSync(path) && statSync(path).isDirectory()) {
    const found = readdirSync(path).filter((name) => name.endsWith(".agent.json"));
    if (found.length !== 1)
      throw new UsageError(`${path} holds ${found.length} .agent.json files; name one of them`);
    file = join(path, found[0] ?? "");
  }
  let parsed: BuiltImage & { format?: string; wasm: unknown };
  try {
    parsed = JSON.parse(readFileSync(file, "utf8")) as typeof parsed;
  } catch (error) {
    throw new UsageError(
      `cannot read the built image ${file}: ${(error as Error).message}. Run aios agent build first`,
    );
  }
  if (parsed.format !== "aios-agent-image" || typeof parsed.wasm !== "string")
    throw new UsageError(`${file} is not an image made by aios agent build`);
  const wasm = readFileSync(join(dirname(file), parsed.wasm));
  if (createHash("sha256").update(wasm).digest("hex") !== parsed.sha256)
    throw new UsageError(`${file}: ${parsed.wasm} changed since it was signed; build it again`);
  return { ...parsed, wasm, path: file };
}
