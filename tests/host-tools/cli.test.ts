/** The `aios` command as a user runs it: a process with arguments, output and an exit code. */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runAios } from "../support/aios-cli.ts";

const aios = (...args: string[]) => runAios(args);

// Each case starts `aios` (and often a board) as a separate process: generous on a busy machine.
describe("aios CLI", { timeout: 120_000 }, () => {
  it("monitor --json --until heartbeat prints a schema line, the boot event and a heartbeat, and exits 0", async () => {
    const run = await aios(
      "monitor",
      "--board",
      "mps2-an386",
      "--json",
      "--until",
      "heartbeat",
      "--timeout",
      "60",
    );
    expect(run.code, run.stderr).toBe(0);
    const records = run.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(records[0]).toMatchObject({ schema: "aios-monitor", version: 1 });
    expect(records[1]).toMatchObject({ kind: "boot", fields: { board: "mps2-an386" } });
    expect(records.at(-1)).toMatchObject({ kind: "heartbeat" });
    expect(run.stderr).toMatch(/summary: \d+ frames .*lost 0, corrupt 0/);
  });

  it("exits 2 when the awaited event does not come in time", async () => {
    const run = await aios("monitor", "--board", "native", "--until", "pong", "--timeout", "2");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no 'pong' event within 2 s/);
  });

  it("exits 4 with the fix in the message when the port does not exist", async () => {
    const run = await aios("monitor", "--port", "/dev/aios-no-such-port", "--timeout", "1");
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/cannot open serial port \/dev\/aios-no-such-port.*aios ports/);
  });

  it("exits 1 and lists the known boards for an unknown board", async () => {
    const run = await aios("build", "--board", "mps2-an999");
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /unknown board 'mps2-an999'. Known boards: .*mps2-an385, mps2-an386, .*native/,
    );
  });

  it("exits 1 for an unknown event kind before starting anything", async () => {
    const run = await aios("monitor", "--board", "mps2-an386", "--until", "hartbeat");
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/unknown event kind 'hartbeat'/);
    expect(run.stderr).not.toMatch(/building/);
  });

  it("flash leaves the target paused until monitor attaches, and flash --stop ends it", async () => {
    const flash = await aios("flash", "--board", "native", "--json");
    expect(flash.code, flash.stderr).toBe(0);
    const { pid } = JSON.parse(flash.stdout) as { pid: number };
    try {
      const monitor = await aios(
        "monitor",
        "--board",
        "native",
        "--json",
        "--until",
        "heartbeat",
        "--timeout",
        "20",
      );
      expect(monitor.code, monitor.stderr).toBe(0);
      expect(monitor.stderr).toMatch(/attaching to native started by aios flash/);
      expect(JSON.parse(monitor.stdout.split("\n")[1] ?? "{}")).toMatchObject({
        kind: "boot",
        seq: 0,
      });
      // Later tools attach to the same running target, one after another.
      for (const _ of [1, 2]) {
        const ping = await aios("ping", "--board", "native", "--count", "1");
        expect(ping.code, ping.stderr).toBe(0);
      }
    } finally {
      const stop = await aios("flash", "--board", "native", "--stop");
      expect(stop.code).toBe(0);
    }
    expect(() => process.kill(pid, 0)).toThrow();
  });

  it("hil --port runs scenarios on a board that is already running, as on real hardware, and writes JUnit", async () => {
    const flash = await aios("flash", "--board", "mps2-an385", "--json");
    expect(flash.code, flash.stderr).toBe(0);
    const { port } = JSON.parse(flash.stdout) as { port: string };
    const junit = join(mkdtempSync(join(tmpdir(), "aios-hil-")), "report.xml");
    try {
      // The monitor lets the paused emulator run, as a board runs once it is powered.
      const monitor = await aios("monitor", "--board", "mps2-an385", "--until", "heartbeat");
      expect(monitor.code, monitor.stderr).toBe(0);
      const hil = await aios(
        "hil",
        "tests/hil/event-bus.hil.json",
        "--port",
        port,
        "--junit",
        junit,
      );
      expect(hil.code, hil.stdout + hil.stderr).toBe(0);
      expect(hil.stderr).toMatch(new RegExp(`^pass ${port.replace(/\//g, "\\/")} `, "m"));
      expect(readFileSync(junit, "utf8")).toMatch(
        /<testcase [^>]*name="an agent publishes on the event bus and its events reach the host"/,
      );
    } finally {
      expect((await aios("flash", "--board", "mps2-an385", "--stop")).code).toBe(0);
    }
  });

  it("ping proves the host-to-device direction", async () => {
    const run = await aios("ping", "--board", "native", "--count", "2", "--json");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trim().split("\n")).toHaveLength(2);
  });

  it("demo deploys the example agents on mps2-an386 and shows the rogue contained while the others run", async () => {
    const run = await aios("demo", "--seconds", "10", "--refresh-ms", "2500");
    expect(run.code, run.stderr).toBe(0);
    const views = run.stdout.split("AIOS on mps2-an386");
    const last = views.at(-1) ?? "";
    for (const name of [
      "store",
      "api",
      "heartbeat",
      "sampler",
      "worker",
      "batch",
      "consumer",
      "producer",
    ]) {
      expect(last).toMatch(new RegExp(`\\d+  ${name} +running`));
    }
    const rogue = /\d+ {2}rogue +(running|restarting) +[\d.]+ +\d+ +(\d+) +(\d+)/.exec(last);
    expect(Number(rogue?.[2])).toBeGreaterThan(0);
    expect(Number(rogue?.[3])).toBeGreaterThan(0);
    expect(last).toMatch(/store .*#1 healthy/);
  });

  it("boards lists every board with its CPU", async () => {
    const run = await aios("boards", "--json");
    const boards = run.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { name: string; cpu: string });
    expect(boards).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "mps2-an385", cpu: "cortex-m3" }),
        expect.objectContaining({ name: "mps2-an386", cpu: "cortex-m4" }),
      ]),
    );
  });
});
