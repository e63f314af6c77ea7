#!/usr/bin/env node
// First step of `npm start` and `npm test`: makes a fresh clone runnable. Plain JavaScript with
// no dependencies, because it runs before node_modules exists. It says what it installs:
//   1. npm packages from package-lock.json (npm ci), when node_modules is missing or stale;
//   2. Debian packages for the firmware build and the emulated boards, with apt-get when
//      running as root; otherwise it prints the exact command and exits 1.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

// Each Debian package AIOS needs, and why.
const debianPackages = [
  ["gcc-arm-none-eabi", "cross compiler for the Cortex-M boards"],
  ["libnewlib-arm-none-eabi", "C library for the Cortex-M boards"],
  ["qemu-system-arm", "emulator for the MPS2 boards"],
  ["gcc-aarch64-linux-gnu", "cross compiler for the raspi board (Linux on aarch64)"],
  ["libc6-dev-arm64-cross", "C library headers for the raspi board"],
  ["qemu-user", "runs the raspi build on a machine that is not aarch64"],
  ["cmake", "firmware build"],
  ["make", "firmware build backend"],
  ["gcc", "native (x86-64) build"],
  ["clang", "Wasm workloads and libFuzzer"],
  ["lld", "wasm-ld, linker for Wasm workloads"],
  ["libclang-rt-14-dev", "libFuzzer and sanitizer runtimes for clang"],
  ["clang-format", "the C formatter tests/style.test.ts checks the sources with"],
];

function say(message) {
  process.stderr.write(`bootstrap: ${message}\n`);
}

function run(command, args) {
  say(`running: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit" });
  if (result.status !== 0) {
    say(`'${command} ${args.join(" ")}' failed (exit ${result.status ?? result.signal}).`);
    process.exit(1);
  }
}

function npmPackages() {
  const lock = join(root, "package-lock.json");
  const marker = join(root, "node_modules", ".package-lock.json");
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  say("installing npm packages from package-lock.json (npm ci)");
  run("npm", ["ci", "--no-audit", "--no-fund"]);
}

function isInstalled(name) {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query expands ${Status} itself.
  const query = spawnSync("dpkg-query", ["-W", "-f=${Status}", name], { encoding: "utf8" });
  return query.status === 0 && query.stdout.includes("install ok installed");
}

function missingDebianPackages() {
  return debianPackages.filter(([name]) => !isInstalled(name));
}

function debianInstall(missing) {
  const names = missing.map(([name]) => name);
  for (const [name, why] of missing) say(`missing Debian package ${name}: ${why}`);
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot) {
    say("not running as root, so not installing them. Run this, then try again:");
    say(`  sudo apt-get update && sudo apt-get install -y ${names.join(" ")}`);
    process.exit(1);
  }
  say(`installing Debian packages: ${names.join(" ")}`);
  run("apt-get", ["update"]);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  say(`running: apt-get install -y --no-install-recommends ${names.join(" ")}`);
  execFileSync("apt-get", ["install", "-y", "--no-install-recommends", ...names], {
    stdio: "inherit",
    env,
  });
  const still = missingDebianPackages();
  if (still.length > 0) {
    say(`still missing after apt-get: ${still.map(([n]) => n).join(" ")}`);
    process.exit(1);
  }
}

npmPackages();
const missing = missingDebianPackages();
if (missing.length > 0) debianInstall(missing);
