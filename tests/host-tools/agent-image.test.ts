/**
 * `aios agent build` and `keygen` as processes, and the images they write: a signature that
 * node:crypto verifies with the public key the firmware is built with, manifests checked field
 * by field, and a built image that no longer matches its signature refused before it is sent.
 */
import { spawnSync } from "node:child_process";
import { createPublicKey, verify } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type BuiltImage, loadImage, signedRecord } from "../../host-tools/src/agent/image.ts";
import { repoRoot } from "../../host-tools/src/paths.ts";

const scratch = mkdtempSync(join(tmpdir(), "aios-agent-image-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function aios(...args: string[]) {
  return spawnSync(process.execPath, [join(repoRoot, "host-tools/bin/aios.js"), ...args], {
    encoding: "utf8",
  });
}

/** What the device checks the signature against, for a loaded image (another manifest: forged). */
const recordOf = (image: BuiltImage, manifestText = image.manifestText) =>
  signedRecord(
    image.name,
    image.version,
    image.wasm.length,
    Buffer.from(image.sha256, "hex"),
    manifestText,
  );

function publicKeyFromHex(hex: string) {
  const x = Buffer.from(hex.trim(), "hex").toString("base64url");
  return createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x }, format: "jwk" });
}

describe("aios agent build", { timeout: 120_000 }, () => {
  it("signs the image and manifest so the key the firmware trusts verifies them", () => {
    const out = join(scratch, "beacon");
    const run = aios(
      "agent",
      "build",
      "agents/examples/beacon-v1",
      "--out",
      out,
      "--weight",
      "300",
      "--json",
    );
    expect(run.status).toBe(0);
    const printed = JSON.parse(run.stdout) as { manifest: { weight: number }; path: string };
    expect(printed.manifest.weight).toBe(300);
    const image = loadImage(out);
    expect(image).toMatchObject({ name: "beacon", version: "1.0.0" });
    const record = recordOf(image);
    const firmwareKey = readFileSync(join(repoRoot, "keys/development-only.public.hex"), "utf8");
    const signature = Buffer.from(image.signature, "hex");
    expect(verify(null, record, publicKeyFromHex(firmwareKey), signature)).toBe(true);
    // The same bytes with a different manifest do not verify.
    const other = recordOf(image, "{}");
    expect(verify(null, other, publicKeyFromHex(firmwareKey), signature)).toBe(false);
  });

  it("signs with a key made by keygen when --key names it", () => {
    const prefix = join(scratch, "keys/acme");
    const keygen = aios("agent", "keygen", "--out", prefix, "--json");
    expect(keygen.status).toBe(0);
    const keys = JSON.parse(keygen.stdout) as { private: string; publicKey: string };
    expect(readFileSync(`${prefix}.public.hex`, "utf8").trim()).toBe(keys.publicKey);
    expect(aios("agent", "keygen", "--out", prefix).status).toBe(1);
    const out = join(scratch, "acme");
    expect(
      aios("agent", "build", "agents/examples/beacon-v2", "--out", out, "--key", keys.private)
        .status,
    ).toBe(0);
    const image = loadImage(out);
    const record = recordOf(image);
    expect(
      verify(null, record, publicKeyFromHex(keys.publicKey), Buffer.from(image.signature, "hex")),
    ).toBe(true);
  });

  it.each([
    [["--name", "no spaces"], '"name" must be 1 to 23 letters'],
    [["--caps", "teleport"], "unknown Cap flag 'teleport'"],
    [["--budget-us", "500"], '"deadline" needs positive integers'],
  ])("refuses a bad manifest (%s) with exit 1, naming the field", (options, message) => {
    const run = aios(
      "agent",
      "build",
      "agents/examples/beacon-v1",
      "--out",
      join(scratch, "x"),
      ...options,
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(message);
  });

  it("refuses to install an image whose Wasm changed after it was signed", () => {
    const out = join(scratch, "changed");
    expect(aios("agent", "build", "agents/examples/beacon-v1", "--out", out).status).toBe(0);
    const wasm = join(out, "beacon.wasm");
    const bytes = readFileSync(wasm);
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    writeFileSync(wasm, bytes);
    expect(() => loadImage(out)).toThrow(/changed since it was signed/);
    const run = aios("agent", "install", out, "--board", "native");
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("changed since it was signed");
  });
});
