#!/usr/bin/env node
/**
 * VM benchmarks (`npm run bench:vm`). For each workload in ./workloads (the same C source):
 *   - wasm32 with `clang --target=wasm32 -O2 -nostdlib`, run in aios-vm (release, gcc -O2),
 *   - native with `gcc -O2`,
 * and reports wall time of the call (best of 3) and instructions executed by the call only
 * (valgrind --tool=callgrind --toggle-collect=vm_run for the VM, =bench natively), with the
 * ratios and their geometric means, for both interpreter dispatch variants (computed goto and
 * switch). Then the Cortex-M4 -Os size of the VM core and the per-instance RAM overhead.
 * Figures are printed, never asserted; a wrong checksum exits 1. Takes a few minutes.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const here = join(root, "tests/bench/vm");
const out = join(root, "build/vm-bench");
const workloads = [
  // name, n for the timed run, n for the instruction count (smaller: callgrind is slow)
  ["fib", 34, 24],
  ["sieve", 4000000, 1000000],
  ["matmul_i32", 256, 96],
  ["matmul_f32", 256, 96],
  ["matmul_f64", 256, 96],
  ["crc32", 16, 2],
  ["sha256", 64, 2],
  ["quicksort", 300000, 100000],
  ["mlp", 1000, 50],
];
const variants = ["goto", "switch"];

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 64 << 20, ...options });
  if (r.error?.code === "ENOENT") {
    // valgrind is the one tool the benchmark needs beyond what bootstrap.js installs.
    log(`bench:vm needs ${cmd}, which is not installed (Debian: apt-get install ${cmd})`);
    process.exit(5);
  }
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(" ")} failed:\n${r.stdout}\n${r.stderr}`);
  }
  return r;
}

function log(text) {
  process.stderr.write(`${text}\n`);
}

function buildVm(variant) {
  const dir = join(out, `vm-${variant}`);
  run("cmake", [
    "-S",
    join(root, "firmware/vm"),
    "-B",
    dir,
    "-DCMAKE_C_COMPILER=gcc",
    "-DCMAKE_BUILD_TYPE=Release",
    "-DCMAKE_C_FLAGS_RELEASE=-O2 -DNDEBUG",
    `-DAIOS_VM_DISPATCH=${variant}`,
  ]);
  run("cmake", ["--build", dir, "-j2", "--target", "aios-vm"]);
  return join(dir, "aios-vm");
}

function buildWorkload(name) {
  const src = join(here, "workloads");
  const wasm = join(out, `${name}.wasm`);
  const native = join(out, `${name}.native`);
  run("clang", [
    "--target=wasm32",
    "-O2",
    "-nostdlib",
    "-Wl,--no-entry",
    "-Wl,--export=bench",
    "-o",
    wasm,
    join(src, `${name}.c`),
    join(src, "runtime.c"),
  ]);
  run("gcc", ["-O2", "-o", native, join(src, "main.c"), join(src, `${name}.c`)]);
  return { wasm, native };
}

function callgrind(args, fn) {
  const r = run("valgrind", [
    "--tool=callgrind",
    `--toggle-collect=${fn}`,
    "--callgrind-out-file=/dev/null",
    ...args,
  ]);
  const m = /Collected : (\d+)/.exec(r.stderr);
  if (!m) throw new Error(`no callgrind total for ${args.join(" ")}`);
  return Number(m[1]);
}

function best(times) {
  return Math.min(...times);
}

function nativeRun(native, n) {
  const [sum, ms] = run(native, [String(n)])
    .stdout.trim()
    .split(" ");
  return { sum: Number(sum) >>> 0, ms: Number(ms) };
}

function vmRun(vm, wasm, n) {
  const r = run(vm, ["run", wasm, "--invoke", "bench", String(n), "--time"]);
  const sum = Number(/i32:(-?\d+)/.exec(r.stdout)?.[1]) >>> 0;
  const ms = Number(/took ([\d.]+) ms/.exec(r.stderr)?.[1]);
  return { sum, ms };
}

function geomean(values) {
  return Math.exp(values.reduce((a, v) => a + Math.log(v), 0) / values.length);
}

function pad(value, width) {
  return String(value).padStart(width);
}

/** text/data of libaios_vm.a for Cortex-M4 at -Os, with the given dispatch. */
function m4Size(dispatch) {
  const dir = join(out, `vm-m4-${dispatch}`);
  run("cmake", [
    "-S",
    join(root, "firmware/vm"),
    "-B",
    dir,
    `-DCMAKE_TOOLCHAIN_FILE=${join(root, "firmware/cmake/arm-none-eabi.cmake")}`,
    "-DAIOS_CPU=cortex-m4",
    "-DCMAKE_BUILD_TYPE=MinSizeRel",
    `-DAIOS_VM_DISPATCH=${dispatch}`,
  ]);
  run("cmake", ["--build", dir, "-j2"]);
  const lines = run("arm-none-eabi-size", ["-t", join(dir, "libaios_vm.a")]).stdout.split("\n");
  const [text, data, bss] = lines
    .find((l) => l.includes("(TOTALS)"))
    .trim()
    .split(/\s+/)
    .map(Number);
  return { text, data, bss, perObject: lines.slice(1, -2).map((l) => l.trim().split(/\s+/)) };
}

/** sizeof the runtime structures, read from symbol sizes of a compiled object. */
function structSizes(compiler, nm, flags) {
  const obj = join(out, `sizes-${compiler}.o`);
  run(compiler, [
    ...flags,
    "-c",
    "-I",
    join(root, "firmware/vm"),
    "-I",
    join(root, "firmware/vm/include"),
    "-o",
    obj,
    join(here, "sizes.c"),
  ]);
  const sizes = {};
  for (const line of run(nm, ["-S", obj]).stdout.split("\n")) {
    const m = /^[0-9a-f]+ ([0-9a-f]+) \w vm_sizeof_(\w+)/.exec(line);
    if (m) sizes[m[2]] = Number.parseInt(m[1], 16);
  }
  return sizes;
}

function main() {
  mkdirSync(out, { recursive: true });
  log("building the VM (goto, switch), the workloads and the Cortex-M4 core...");
  const vms = Object.fromEntries(variants.map((v) => [v, buildVm(v)]));
  const rows = [];
  let wrong = 0;
  for (const [name, nTime, nIr] of workloads) {
    log(`  ${name}`);
    const { wasm, native } = buildWorkload(name);
    const nat = [0, 1, 2].map(() => nativeRun(native, nTime));
    const row = { name, nativeMs: best(nat.map((r) => r.ms)), vm: {} };
    row.nativeIr = callgrind([native, String(nIr)], "bench");
    for (const v of variants) {
      const runs = [0, 1, 2].map(() => vmRun(vms[v], wasm, nTime));
      if (runs.some((r) => r.sum !== nat[0].sum)) {
        log(`  ${name}: ${v} checksum ${runs[0].sum} differs from native ${nat[0].sum}`);
        wrong++;
      }
      row.vm[v] = {
        ms: best(runs.map((r) => r.ms)),
        ir: callgrind([vms[v], "run", wasm, "--invoke", "bench", String(nIr)], "vm_run"),
      };
    }
    rows.push(row);
  }

  console.log(
    "\nVM benchmarks: wall time of the call (best of 3) and instructions of the call only",
  );
  console.log(
    `${"workload".padEnd(12)}${pad("native ms", 11)}${pad("vm ms", 10)}${pad("time x", 8)}` +
      `${pad("native Ir", 13)}${pad("vm Ir", 14)}${pad("Ir x", 7)}${pad("switch Ir x", 13)}`,
  );
  for (const r of rows) {
    const g = r.vm.goto;
    console.log(
      `${r.name.padEnd(12)}${pad(r.nativeMs.toFixed(2), 11)}${pad(g.ms.toFixed(1), 10)}` +
        `${pad((g.ms / r.nativeMs).toFixed(1), 8)}${pad(r.nativeIr, 13)}${pad(g.ir, 14)}` +
        `${pad((g.ir / r.nativeIr).toFixed(2), 7)}${pad((r.vm.switch.ir / r.nativeIr).toFixed(2), 13)}`,
    );
  }
  for (const v of variants) {
    const irx = geomean(rows.map((r) => r.vm[v].ir / r.nativeIr));
    const tx = geomean(rows.map((r) => r.vm[v].ms / r.nativeMs));
    console.log(
      `geomean (${v.padEnd(6)}): ${irx.toFixed(2)}x native instructions, ${tx.toFixed(1)}x native time` +
        (v === "goto" ? "   [target <= 15x instructions]" : ""),
    );
  }

  const m4 = m4Size("auto");
  const m4goto = m4Size("goto");
  console.log(
    `\nVM core on Cortex-M4 -Os (libaios_vm.a, default dispatch at -Os = switch): text ${m4.text}` +
      ` + data ${m4.data} = ${m4.text + m4.data} bytes (${((m4.text + m4.data) / 1024).toFixed(1)} KiB),` +
      ` bss ${m4.bss}   [target <= 32 KiB]`,
  );
  for (const [text, data, , , , file] of m4.perObject) {
    if (file) console.log(`  ${file.padEnd(28)} ${pad(Number(text) + Number(data), 6)}`);
  }
  console.log(
    `  with computed-goto dispatch instead: ${m4goto.text + m4goto.data} bytes ` +
      `(${((m4goto.text + m4goto.data) / 1024).toFixed(1)} KiB)`,
  );
  const arm = structSizes("arm-none-eabi-gcc", "arm-none-eabi-nm", [
    "-mcpu=cortex-m4",
    "-mthumb",
    "-Os",
  ]);
  const host = structSizes("gcc", "nm", ["-O2"]);
  console.log(
    `\nPer-instance RAM beyond stacks and memory: sizeof(vm_instance_t) = ${arm.instance} bytes on ` +
      `Cortex-M4 (${host.instance} on x86-64)   [target <= 512]`,
  );
  console.log(
    `  plus per function ${arm.func_ptr + arm.func} bytes (pointer + function object), ` +
      `per global ${arm.global_ptr + arm.global}, per table element ${arm.func_ptr}; ` +
      `stack ${arm.value} bytes per slot, ${arm.frame} per call frame (Cortex-M4)`,
  );
  writeFileSync(
    join(out, "results.json"),
    JSON.stringify({ rows, m4, m4goto, arm, host }, null, 2),
  );
  if (wrong) process.exitCode = 1;
}

if (!existsSync(join(here, "workloads"))) throw new Error("workloads missing");
main();
