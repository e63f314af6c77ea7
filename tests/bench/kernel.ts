/**
 * `npm run bench:kernel`: what the kernel costs on mps2-an386 under QEMU -icount (one guest
 * instruction per nanosecond of virtual time, so microseconds on the device clock are
 * thousands of instructions, repeatably). Figures are printed against the targets, never
 * asserted. Uses the per-slice `slice` events (trace_control) and agent statistics.
 *
 *   agent switch       gap between one agent's slice ending and the next agent's starting
 *                      (kernel slice end + schedule + VM entry), median
 *   syscall round trip extra time per step of an agent making one syscall per step, over an
 *                      agent that makes none (agent -> core -> kernel.wasm -> agent)
 *   slice length       median length of slices that ended by preemption (fuel or the
 *                      alarm): shows how the board's fuel-per-microsecond calibration
 *                      compares with the kernel's 4 ms slice
 */
import { agentStats, spawnAgent } from "../../host-tools/src/agent/control.ts";
import { buildFirmware } from "../../host-tools/src/build/firmware.ts";
import { launchQemu } from "../../host-tools/src/device/qemu.ts";
import type { TimedEvent } from "../../host-tools/src/monitor/format.ts";
import { DeviceChannel } from "../../host-tools/src/transport/channel.ts";
import { openSerial } from "../../host-tools/src/transport/serial.ts";

const INSTRUCTIONS_PER_US = 1000;
const SLICE_US = 4000;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

async function withBoard<T>(run: (channel: DeviceChannel) => Promise<T>): Promise<T> {
  const build = await buildFirmware({ board: "mps2-an386" });
  const target = await launchQemu(build.board, build.image, { icountShift: 0 });
  const link = await openSerial(target.port);
  const channel = new DeviceChannel(link);
  const ready = channel.waitFor((e) => e.kind === "kernel_ready", 60_000, "kernel_ready");
  await target.resume();
  await ready;
  try {
    return await run(channel);
  } finally {
    await link.close();
    await target.stop();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function switchAndPreempt(): Promise<{
  switchUs: number;
  sliceUs: number;
  slices: number;
}> {
  return withBoard(async (channel) => {
    const slices: TimedEvent[] = [];
    channel.onEvent((e) => {
      if (e.kind === "slice") slices.push(e);
    });
    await spawnAgent(channel, { image: "rogue", args: [0] });
    await spawnAgent(channel, { image: "rogue", args: [0] });
    await channel.send("trace_control", { enable: 1 });
    await sleep(4000);
    await channel.send("trace_control", { enable: 0 });
    const gaps: number[] = [];
    const preempted: number[] = [];
    for (let i = 1; i < slices.length; i++) {
      const previous = slices[i - 1] as TimedEvent;
      const current = slices[i] as TimedEvent;
      if (previous.fields.agent === current.fields.agent) continue;
      const end = Number(previous.fields.start_us) + Number(previous.fields.duration_us);
      gaps.push(Number(current.fields.start_us) - end);
    }
    for (const slice of slices) {
      if (slice.fields.end === "preempted") preempted.push(Number(slice.fields.duration_us));
    }
    return { switchUs: median(gaps), sliceUs: median(preempted), slices: slices.length };
  });
}

/** Device microseconds per step of an agent alone on the board, from its traced slices. */
async function usPerStep(image: string, args: number[]): Promise<number> {
  return withBoard(async (channel) => {
    const agent = await spawnAgent(channel, { image, args });
    await sleep(500);
    let busyUs = 0;
    channel.onEvent((e) => {
      if (e.kind === "slice" && e.fields.agent === agent) busyUs += Number(e.fields.duration_us);
    });
    const before = (await agentStats(channel)).find((s) => s.agent === agent)?.steps ?? 0;
    await channel.send("trace_control", { enable: 1 });
    await sleep(3000);
    await channel.send("trace_control", { enable: 0 });
    const after = (await agentStats(channel)).find((s) => s.agent === agent)?.steps ?? 0;
    return after > before ? busyUs / (after - before) : Number.NaN;
  });
}

const row = (name: string, value: number, unit: string, target: string) =>
  console.log(`${name.padEnd(22)} ${value.toFixed(0).padStart(9)} ${unit.padEnd(13)} ${target}`);

const { switchUs, sliceUs, slices } = await switchAndPreempt();
// spinner steps make no syscall; rogue 4 steps make exactly one (capability info on a forged
// handle, refused by the kernel): the difference is one syscall's round trip.
const plain = await usPerStep("spinner", [1]);
const withSyscall = await usPerStep("rogue", [4]);
console.log(
  `mps2-an386 under QEMU -icount shift=0 (1 instruction = 1 ns), ${slices} slices traced\n`,
);
console.log(`${"figure".padEnd(22)} ${"value".padStart(9)} ${"unit".padEnd(13)} target`);
row(
  "agent switch",
  switchUs * INSTRUCTIONS_PER_US,
  "instructions",
  "<= 1,500 (Zephyr's user-mode switch: 1,195-1,485 cycles)",
);
row(
  "syscall round trip",
  (withSyscall - plain) * INSTRUCTIONS_PER_US,
  "instructions",
  "<= 5,000 (Tock: 5,172 cycles)",
);
row("step without syscall", plain * INSTRUCTIONS_PER_US, "instructions", "");
row(
  "preempted slice",
  sliceUs,
  "µs",
  `kernel slice ${SLICE_US} µs; shorter means fuel ran out first`,
);
