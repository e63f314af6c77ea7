/**
 * `npm run bench:domains`: what a fault-domain switch costs (the domain_bench command). The
 * device times `rounds` empty calls three ways: direct, through hal_domain_run (enter the
 * domain, call, leave it: what every slice and every agent spawn pays) and through
 * hal_domain_call from inside a domain (leave and enter again: what every syscall and
 * memory.grow pays). QEMU boards run under -icount (one guest instruction per nanosecond of
 * virtual time), so their figures are instructions, repeatably; POSIX boards report
 * nanoseconds of this machine's time (mprotect calls). A board without domains says so.
 *
 *   npm run bench:domains [-- <board> ...]
 */
import { loadBoard } from "../../host-tools/src/boards.ts";
import { buildFirmware } from "../../host-tools/src/build/firmware.ts";
import { launchTarget } from "../../host-tools/src/device/targets.ts";
import { DeviceChannel } from "../../host-tools/src/transport/channel.ts";
import { openSerial } from "../../host-tools/src/transport/serial.ts";

const ROUNDS = 20_000;
const NS_PER_US = 1000;
const defaultBoards = ["mps2-an385", "mps2-an386", "mps2-an500", "mps2-an505", "native", "raspi"];

interface Row {
  board: string;
  unit: string;
  direct: number;
  run: number;
  call: number;
}

async function measure(name: string): Promise<Row | string> {
  const build = await buildFirmware({ board: name });
  const emulated = build.board.qemu !== undefined;
  const target = await launchTarget(build.board, build.image, emulated ? { icountShift: 0 } : {});
  const link = await openSerial(target.port);
  const channel = new DeviceChannel(link);
  try {
    const ready = channel.waitFor((e) => e.kind === "kernel_ready", 60_000, "kernel_ready");
    await target.resume();
    await ready;
    const answer = channel.waitFor(
      (e) => e.kind === "domain_bench_result" || e.kind === "command_error",
      120_000,
      "domain_bench_result",
    );
    await channel.send("domain_bench", { rounds: ROUNDS });
    const result = await answer;
    if (result.kind === "command_error") return `${name}: no fault domains on this board`;
    // Nanoseconds per round; under -icount shift=0 that is instructions per round.
    const perRound = (field: string) => (Number(result.fields[field]) * NS_PER_US) / ROUNDS;
    return {
      board: name,
      unit: emulated ? "instructions" : "ns (host)",
      direct: perRound("direct_us"),
      run: perRound("run_us"),
      call: perRound("call_us"),
    };
  } finally {
    await link.close();
    await target.stop();
  }
}

const boards = process.argv.slice(2).length > 0 ? process.argv.slice(2) : defaultBoards;
const rows: string[][] = [
  ["board", "cpu", "unit", "direct call", "enter+leave", "leave+enter (syscall)"],
];
for (const name of boards) {
  const row = await measure(name);
  if (typeof row === "string") {
    process.stderr.write(`${row}\n`);
    continue;
  }
  const extra = (value: number) => `${(value - row.direct).toFixed(0)}`;
  rows.push([
    row.board,
    loadBoard(name).cpu,
    row.unit,
    row.direct.toFixed(0),
    extra(row.run),
    extra(row.call),
  ]);
}
process.stdout.write(`figures per round, over a direct call (${ROUNDS} rounds)\n`);
const widths = rows[0]?.map((_, column) =>
  Math.max(...rows.map((cells) => cells[column]?.length ?? 0)),
);
for (const cells of rows) {
  process.stdout.write(
    `${cells
      .map((cell, column) => cell.padEnd(widths?.[column] ?? 0))
      .join("  ")
      .trimEnd()}\n`,
  );
}
