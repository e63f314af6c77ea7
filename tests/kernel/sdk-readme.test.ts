/**
 * The complete agent in agents/sdk/README.md is real code: it is compiled as the firmware's
 * agents are and run on the simulated board, so the guide cannot drift from the SDK.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { compileAgent } from "../../host-tools/src/build/wasm.ts";
import { buildRoot, repoRoot } from "../../host-tools/src/paths.ts";
import { Cap } from "./sim/abi.ts";
import { Board, spawnValues } from "./sim/board.ts";
import { ensureBuilt } from "./sim/build.ts";
import { instrument } from "./sim/instrument.ts";

const README = join(repoRoot, "agents/sdk/README.md");
const ECHO_IMAGE = 200;
let echo: Uint8Array;

beforeAll(async () => {
  await ensureBuilt();
  const source = /## A complete agent[\s\S]*?```ts\n([\s\S]*?)```/.exec(
    readFileSync(README, "utf8"),
  );
  if (source?.[1] === undefined) throw new Error("agents/sdk/README.md has no complete agent");
  // The guide saves it as agents/echo/index.ts; compiled from build/, its imports point there.
  const dir = join(buildRoot, "sdk-readme", "echo");
  mkdirSync(dir, { recursive: true });
  const entry = join(dir, "index.ts");
  writeFileSync(
    entry,
    source[1].replaceAll('"../sdk/', `"${relative(dir, join(repoRoot, "agents/sdk"))}/`),
  );
  await compileAgent(entry, join(dir, "echo.wasm"));
  echo = new Uint8Array(readFileSync(join(dir, "echo.wasm")));
}, 120_000);

function boardWithEcho(flash?: Uint8Array): Board {
  const board = new Board(flash === undefined ? {} : { flash });
  board.images.set(ECHO_IMAGE, { bytes: echo, module: new WebAssembly.Module(instrument(echo)) });
  return board;
}

describe("the SDK guide's complete agent", () => {
  it("answers every ping and keeps its count across a reset, as the guide says", () => {
    const board = boardWithEcho();
    const caps = Cap.EVENTS_SUBSCRIBE | Cap.EVENTS_PUBLISH | Cap.ALLOC_MEMORY;
    const spawnEcho = (b: Board) => {
      const before = b.eventsOf("agent_spawned").length;
      // Any built-in name gives the other fields their defaults; the image is the echo agent.
      expect(b.command("agent_spawn", spawnValues("heartbeat", { image: ECHO_IMAGE, caps }))).toBe(
        0,
      );
      return Number(b.eventsOf("agent_spawned")[before]?.fields.agent);
    };
    const id = spawnEcho(board);
    const pinger = board.spawn("heartbeat", { caps: Cap.EVENTS_PUBLISH, arg0: 100, arg1: 30 });
    board.run(1_050_000);
    const pongs = board.eventsOf("bus_event").filter((e) => e.fields.agent === id);
    expect(pongs.map((e) => [e.fields.topic, e.fields.value, e.fields.value2])).toEqual(
      Array.from({ length: 11 }, (_, i) => [31, i + 1, pinger]),
    );
    expect(board.eventsOf("log").find((e) => e.fields.agent === id)?.fields.text).toBe(
      "echo: ready, 0 answered before",
    );

    const rebooted = boardWithEcho(board.flash);
    const again = spawnEcho(rebooted);
    rebooted.run(10_000);
    expect(rebooted.eventsOf("log").find((e) => e.fields.agent === again)?.fields.text).toBe(
      "echo: ready, 11 answered before",
    );
  });
});
