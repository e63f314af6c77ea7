/**
 * The image store (firmware/core/src/image_store.c) on a RAM flash that can lose power in the
 * middle of any write, built with ASan and UBSan (build/native-sanitize/image_store_test):
 * commit, refusals that leave the installed version alone, resume, and power cuts at every
 * write of an install.
 */
import { execFileSync } from "node:child_process";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  type AgentManifest,
  type BuiltImage,
  signImage,
} from "../../host-tools/src/agent/image.ts";
import { buildDirFor } from "../../host-tools/src/build/firmware.ts";

const program = join(buildDirFor("native", true), "image_store_test");
const { privateKey, publicKey } = generateKeyPairSync("ed25519");
const publicHex = Buffer.from(String(publicKey.export({ format: "jwk" }).x), "base64url").toString(
  "hex",
);

/** Runs a script through the C driver after setting the key; one answer line per command. */
function run(lines: string[]): string[] {
  const output = execFileSync(program, {
    input: `${[`key ${publicHex}`, ...lines].join("\n")}\n`,
    encoding: "utf8",
  });
  return output.trimEnd().split("\n").slice(1);
}

function image(name: string, version: string, size = 700): BuiltImage {
  const manifest: AgentManifest = { name, version, capabilities: [], restart: "never" };
  return signImage(randomBytes(size), manifest, privateKey);
}

const hex = (bytes: Uint8Array | string) =>
  typeof bytes === "string"
    ? Buffer.from(bytes).toString("hex")
    : Buffer.from(bytes).toString("hex");

const begin = (i: BuiltImage, signature = i.signature) =>
  `begin ${i.name} ${i.version} ${i.wasm.length} ${i.sha256} ${signature} ${hex(i.manifestText)}`;

function chunks(i: BuiltImage, from = 0, to = i.wasm.length, size = 200): string[] {
  const lines: string[] = [];
  for (let at = from; at < to; at += size) {
    const data = i.wasm.subarray(at, Math.min(to, at + size));
    lines.push(`chunk ${at} ${crc32(data)} ${hex(data)}`);
  }
  return lines;
}

const install = (i: BuiltImage) => [begin(i), ...chunks(i), `commit ${i.name}`];

describe("image store", () => {
  it("installs a signed image under an id from 256 and gives back its exact bytes", () => {
    const a = image("alpha", "1.0");
    const out = run([...install(a), "list", "image 256"]);
    expect(out.at(-3)).toBe("ok 256 1");
    expect(out.at(-2)).toBe("entry 256 alpha 1.0 700 1 end 2");
    expect(out.at(-1)).toBe(hex(a.wasm));
  });

  it("keeps the id of a name across re-installs and gives new names the next free one", () => {
    const out = run([
      ...install(image("alpha", "1.0")),
      ...install(image("beta", "1.0")),
      ...install(image("alpha", "2.0")),
      "list",
    ]);
    expect(out.filter((l) => /^ok \d+ \d+$/.test(l))).toEqual(["ok 256 1", "ok 257 2", "ok 256 3"]);
    // Listed in bank order, which staging in free banks shuffles.
    expect(out.at(-1)).toContain("entry 256 alpha 2.0 700 3 ");
    expect(out.at(-1)).toContain("entry 257 beta 1.0 700 2 ");
    expect(out.at(-1)).toMatch(/end 1$/);
  });

  it("refuses a bad signature, a wrong digest, a bad CRC, a wrong offset and an early commit, and keeps the installed version", () => {
    const v1 = image("alpha", "1.0");
    const v2 = image("alpha", "2.0");
    const tampered = `${v2.signature.slice(0, 10)}${(Number.parseInt(v2.signature[10] ?? "0", 16) ^ 1).toString(16)}${v2.signature.slice(11)}`;
    const data = v2.wasm.subarray(0, 200);
    const out = run([
      ...install(v1),
      begin(v2, tampered),
      ...chunks(v2),
      "commit alpha",
      begin(v2),
      `chunk 0 ${crc32(data) ^ 1} ${hex(data)}`,
      `chunk 200 ${crc32(data)} ${hex(data)}`,
      ...chunks(v2, 0, 400),
      "commit alpha",
      "list",
      "image 256",
    ]);
    const refusals = out.filter((l) => l.startsWith("error"));
    // 163 bad signature, 160 bad CRC, 161 bad offset, 168 incomplete.
    expect(refusals).toEqual(["error 163", "error 160", "error 161", "error 168"]);
    expect(out.at(-2)).toBe("entry 256 alpha 1.0 700 1 end 2");
    expect(out.at(-1)).toBe(hex(v1.wasm));
  });

  it("refuses bytes that do not hash to the announced SHA-256", () => {
    const v1 = image("alpha", "1.0");
    const other = image("alpha", "1.0");
    const out = run([begin(v1), ...chunks(other), "commit alpha", "list"]);
    expect(out.slice(-2)).toEqual(["error 164", "end 3"]);
  });

  it("resumes an install: the same begin reports the bytes already staged", () => {
    const v1 = image("alpha", "1.0", 1000);
    const out = run([
      begin(v1),
      ...chunks(v1, 0, 600),
      begin(v1),
      ...chunks(v1, 600),
      "commit alpha",
    ]);
    expect(out[4]).toBe("ok 600");
    expect(out.at(-1)).toBe("ok 256 1");
  });

  it("refuses unknown names, oversized images and a full store without losing anything", () => {
    const out = run([
      "remove nothing",
      `begin big 1 9000 ${"00".repeat(32)} ${"00".repeat(64)} -`,
      `begin bad/name 1 10 ${"00".repeat(32)} ${"00".repeat(64)} -`,
      ...install(image("a", "1")),
      ...install(image("b", "1")),
      ...install(image("c", "1")),
      begin(image("d", "1")),
      "remove b",
      "list",
    ]);
    // 165 unknown, 162 too large, 50 invalid argument, 166 full.
    expect(out.slice(0, 3)).toEqual(["error 165", "error 162", "error 50"]);
    expect(out.at(-3)).toBe("error 166");
    expect(out.at(-2)).toBe("ok 257");
    expect(out.at(-1)).toBe("entry 256 a 1 700 1 entry 258 c 1 700 3 end 1");
  });

  it("leaves the old or the new version after a power cut at any write of a re-install, never neither", () => {
    const v1 = image("alpha", "1.0");
    const v2 = image("alpha", "2.0");
    // Writes of the re-install: erase the bank, 4 chunks, the header, erase the old header.
    const outcomes = new Set<string>();
    for (let cut = 0; cut <= 7; cut++) {
      const out = run([
        ...install(v1),
        `powercut ${cut}`,
        ...install(v2),
        "reboot",
        "list",
        "image 256",
      ]);
      const listing = out.at(-2) ?? "";
      const bytes = out.at(-1);
      if (listing.includes("alpha 1.0")) expect(bytes).toBe(hex(v1.wasm));
      else expect(bytes).toBe(hex(v2.wasm));
      expect(listing).toMatch(/^entry 256 alpha (1\.0 700 1|2\.0 700 2) end 2$/);
      outcomes.add(listing.includes("alpha 1.0") ? "old" : "new");
    }
    expect(outcomes).toEqual(new Set(["old", "new"]));
  });

  it("drops an image whose flash was damaged after it was installed", () => {
    const v1 = image("alpha", "1.0");
    // Offset: the kernel's 8 KiB, the first bank's 512-byte header, then the image.
    const out = run([...install(v1), `flip ${8192 + 512 + 100}`, "reboot", "list", "image 256"]);
    expect(out.slice(-2)).toEqual(["end 3", "none"]);
  });
});
