/**
 * The device's SHA-512 and Ed25519 verification (firmware/core/src/sha512.c, ed25519.c), built
 * with ASan and UBSan (build/native-sanitize/crypto_test), against the RFC 8032 test vectors,
 * node:crypto's hashes and signatures, and bit-flipped negatives.
 */
import { execFileSync } from "node:child_process";
import { createHash, createPrivateKey, generateKeyPairSync, randomBytes, sign } from "node:crypto";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildDirFor } from "../../host-tools/src/build/firmware.ts";

const program = join(buildDirFor("native", true), "crypto_test");

/** Runs one line per case through the C driver; one answer line each. */
function run(lines: string[]): string[] {
  const output = execFileSync(program, { input: `${lines.join("\n")}\n`, encoding: "utf8" });
  return output.trimEnd().split("\n");
}

const hex = (bytes: Uint8Array): string =>
  bytes.length === 0 ? "-" : Buffer.from(bytes).toString("hex");
const verifyLine = (publicKey: string, signature: string, message: string) =>
  `verify ${publicKey} ${signature} ${message === "" ? "-" : message}`;

// RFC 8032 section 7.1: TEST 1, 2, 3 and SHA(abc) (secret key, public key, message, signature).
const rfc8032 = [
  [
    "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
    "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
    "",
    "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
  ],
  [
    "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
    "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
    "72",
    "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
  ],
  [
    "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
    "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
    "af82",
    "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a",
  ],
  [
    "833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42",
    "ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf",
    "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
    "dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b58909351fc9ac90b3ecfdfbc7c66431e0303dca179c138ac17ad9bef1177331a704",
  ],
] as const;

/** A node:crypto private key from a raw 32-byte RFC 8032 secret. */
function keyFromSecret(secret: string, publicKey: string) {
  const b64 = (h: string) => Buffer.from(h, "hex").toString("base64url");
  return createPrivateKey({
    key: { kty: "OKP", crv: "Ed25519", d: b64(secret), x: b64(publicKey) },
    format: "jwk",
  });
}

describe("SHA-512 on the device", () => {
  it("gives the FIPS 180-4 digest of abc", () => {
    expect(run(["sha512 616263"])).toEqual([rfc8032[3][2]]);
  });

  it("matches node:crypto on every length across the 128-byte block and padding boundaries", () => {
    const messages = Array.from({ length: 300 }, (_, n) => randomBytes(n));
    const expected = messages.map((m) => createHash("sha512").update(m).digest("hex"));
    expect(run(messages.map((m) => `sha512 ${hex(m)}`))).toEqual(expected);
  });
});

describe("Ed25519 verification on the device", () => {
  it("accepts the RFC 8032 test vectors, which node:crypto also produces", () => {
    for (const [secret, publicKey, message, signature] of rfc8032) {
      const ours = sign(null, Buffer.from(message, "hex"), keyFromSecret(secret, publicKey));
      expect(ours.toString("hex")).toBe(signature);
    }
    expect(run(rfc8032.map(([, pk, message, sig]) => verifyLine(pk, sig, message)))).toEqual([
      "1",
      "1",
      "1",
      "1",
    ]);
  });

  it("accepts signatures node:crypto makes with fresh keys over messages of many lengths", () => {
    const lines: string[] = [];
    for (let n = 0; n < 24; n++) {
      const { privateKey, publicKey } = generateKeyPairSync("ed25519");
      const raw = Buffer.from(String(publicKey.export({ format: "jwk" }).x), "base64url");
      const message = randomBytes(n * 41);
      lines.push(
        verifyLine(raw.toString("hex"), hex(sign(null, message, privateKey)), hex(message)),
      );
    }
    expect(run(lines)).toEqual(lines.map(() => "1"));
  });

  it("rejects a signature with any one bit flipped in R, in S, in the key or in the message", () => {
    const { privateKey, publicKey } = generateKeyPairSync("ed25519");
    const raw = Buffer.from(String(publicKey.export({ format: "jwk" }).x), "base64url");
    const message = randomBytes(100);
    const signature = sign(null, message, privateKey);
    const flip = (bytes: Buffer, bit: number) => {
      const copy = Buffer.from(bytes);
      copy[bit >> 3] = (copy[bit >> 3] ?? 0) ^ (1 << (bit & 7));
      return copy;
    };
    const lines: string[] = [];
    for (let bit = 0; bit < 512; bit += 7)
      lines.push(verifyLine(raw.toString("hex"), hex(flip(signature, bit)), hex(message)));
    for (let bit = 0; bit < 256; bit += 11)
      lines.push(verifyLine(hex(flip(raw, bit)), hex(signature), hex(message)));
    for (let bit = 0; bit < 800; bit += 13)
      lines.push(verifyLine(raw.toString("hex"), hex(signature), hex(flip(message, bit))));
    expect(run(lines)).toEqual(lines.map(() => "0"));
  });

  it("rejects S not below the group order (a malleable signature)", () => {
    const [, publicKey, message, signature] = rfc8032[0];
    // S + L: the same point equation holds, RFC 8032 says reject.
    const order = 2n ** 252n + 27742317777372353535851937790883648493n;
    const s = BigInt(`0x${Buffer.from(signature.slice(64), "hex").reverse().toString("hex")}`);
    const bigS = Buffer.from((s + order).toString(16).padStart(64, "0"), "hex").reverse();
    const malleable = signature.slice(0, 64) + bigS.toString("hex");
    expect(run([verifyLine(publicKey, malleable, message)])).toEqual(["0"]);
  });
});
