/**
 * Installing agents over the serial link, as `aios agent install` does: an image built and
 * signed on the host goes into the device's image store in CRC-checked chunks, starts as an
 * agent from its stored manifest, and is replaced by a new version while the old one keeps
 * running. A tampered signature and a half-sent image are refused with the old version still
 * running; an install cut off by a dropped link resumes on a new connection. On the emulated
 * Cortex-M4 board and on the native build (ASan/UBSan), over serialport on the target's pty.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CommandRefusedError } from "../../host-tools/src/agent/control.ts";
import { type BuiltImage, buildImage } from "../../host-tools/src/agent/image.ts";
import {
  installImage,
  listStore,
  removeImage,
  startInstalled,
  stopInstalled,
} from "../../host-tools/src/agent/store.ts";
import { repoRoot } from "../../host-tools/src/paths.ts";
import { DeviceChannel } from "../../host-tools/src/transport/channel.ts";
import { openSerial, type SerialLink } from "../../host-tools/src/transport/serial.ts";
import { type BootedTarget, bootTarget } from "../support/targets.ts";

const scratch = mkdtempSync(join(tmpdir(), "aios-install-"));
let v1: BuiltImage;
let v2: BuiltImage;

beforeAll(async () => {
  v1 = await buildImage(join(repoRoot, "agents/examples/beacon-v1"), { out: join(scratch, "v1") });
  v2 = await buildImage(join(repoRoot, "agents/examples/beacon-v2"), { out: join(scratch, "v2") });
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.each(["mps2-an386", "native"])("agent install on %s", (board) => {
  let booted: BootedTarget;
  let channel: DeviceChannel;
  let link: SerialLink | undefined;
  /** Resolves when `agent` logs `text` from now on. */
  const logsAfterNow = (agent: number, text: string) =>
    channel.waitFor(
      (e) => e.kind === "log" && Number(e.fields.agent) === agent && e.fields.text === text,
      10_000,
      `"${text}" from agent ${agent}`,
    );
  let first = 0;

  beforeAll(async () => {
    let ready: () => void = () => {};
    const kernelReady = new Promise<void>((resolve) => {
      ready = resolve;
    });
    booted = await bootTarget(board, (e) => e.kind === "kernel_ready" && ready());
    channel = booted.channel;
    await kernelReady;
  });

  afterAll(async () => {
    await link?.close();
    await booted?.close();
  });

  it("installs a signed image, lists it with its manifest and starts it from the store", async () => {
    const result = await installImage(channel, v1, { chunkBytes: 40 });
    expect(result).toMatchObject({ id: 256, resumedFrom: 0 });
    const listing = await listStore(channel);
    expect(listing.installed).toEqual([
      expect.objectContaining({
        id: 256,
        name: "beacon",
        version: "1.0.0",
        sha256: v1.sha256,
        manifest: v1.manifest,
      }),
    ]);
    first = await startInstalled(channel, "beacon");
    await logsAfterNow(first, "beacon v1");
    expect((await listStore(channel)).agents).toContainEqual({ agent: first, image: 256 });
  });

  it("refuses an image whose signature was tampered with, and the old version keeps running", async () => {
    const flipped = (Number.parseInt(v2.signature.slice(0, 2), 16) ^ 0x01)
      .toString(16)
      .padStart(2, "0");
    const tampered = { ...v2, signature: flipped + v2.signature.slice(2) };
    const refused = await installImage(channel, tampered).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(CommandRefusedError);
    expect((refused as CommandRefusedError).errorName).toBe("image_bad_signature");
    expect((await listStore(channel)).installed.map((i) => i.version)).toEqual(["1.0.0"]);
    await logsAfterNow(first, "beacon v1");
  });

  it("refuses to commit a half-sent image, and the old version keeps running", async () => {
    const half = Math.floor(v2.wasm.length / 2);
    const stopped = await installImage(channel, v2, {
      chunkBytes: 16,
      onProgress: (received) => {
        if (received >= half) throw new Error("host stops sending");
      },
    }).catch((error: unknown) => error);
    expect(String(stopped)).toContain("host stops sending");
    const commit = channel.waitFor((e) => e.kind === "command_error", 10_000, "the refusal");
    await channel.send("image_commit", { name: "beacon" });
    expect((await commit).fields.error).toBe(168); // image_incomplete
    expect((await listStore(channel)).installed.map((i) => i.version)).toEqual(["1.0.0"]);
    await logsAfterNow(first, "beacon v1");
  });

  it("resumes an install after the link drops, then runs the new version beside the old", async () => {
    // The half-sent install above is still staged; a new connection carries on from it.
    await booted.channel.link.close();
    link = await openSerial(booted.target.port);
    channel = new DeviceChannel(link);
    const result = await installImage(channel, v2, { chunkBytes: 16 });
    expect(result.resumedFrom).toBeGreaterThanOrEqual(Math.floor(v2.wasm.length / 2));
    expect(result).toMatchObject({ id: 256, sequence: 2 });
    const listing = await listStore(channel);
    expect(listing.installed.map((i) => [i.name, i.version, i.sha256])).toEqual([
      ["beacon", "2.0.0", v2.sha256],
    ]);
    await logsAfterNow(first, "beacon v1");
    const second = await startInstalled(channel, "beacon");
    await logsAfterNow(second, "beacon v2");
    await logsAfterNow(first, "beacon v1");
    expect((await stopInstalled(channel, "beacon")).sort()).toEqual([first, second].sort());
  });

  it("removes the image and refuses what names no installed image", async () => {
    expect(await removeImage(channel, "beacon")).toBe(256);
    expect((await listStore(channel)).installed).toEqual([]);
    const refused = await startInstalled(channel, "beacon").catch((error: unknown) => error);
    expect(String(refused)).toContain("no installed image 'beacon'");
    const again = await removeImage(channel, "beacon").catch((error: unknown) => error);
    expect((again as CommandRefusedError).errorName).toBe("image_unknown");
    expect(booted.target.diagnostics()).not.toMatch(/Sanitizer|runtime error/);
  });
});
