/**
 * `aios demo` (what `npm start` runs): build and boot the default board, deploy
 * agents/demo.json, and show a live view of every agent until Ctrl-C. The device is started
 * for the demo alone and stopped when it ends.
 */
import { join } from "node:path";
import { agentStats } from "../agent/control.ts";
import { deploy, loadManifest } from "../agent/manifest.ts";
import { BoardState } from "../demo/board-state.ts";
import { renderView } from "../demo/render.ts";
import { repoRoot } from "../paths.ts";
import type { CommandContext } from "./context.ts";
import { connect } from "./target.ts";

export interface DemoOptions {
  board: string;
  manifest: string;
  /** Stop after this many seconds (for scripts and tests); by default run until Ctrl-C. */
  seconds?: number;
  refreshMs: number;
}

export const defaultManifest = join(repoRoot, "agents/demo.json");

export async function demoCommand(options: DemoOptions, ctx: CommandContext): Promise<void> {
  const manifest = loadManifest(options.manifest);
  const connection = await connect({ board: options.board }, ctx);
  const state = new BoardState();
  for (const service of manifest.services) state.nameService(service.id, service.name);
  const tty = process.stdout.isTTY === true;
  try {
    const offEvents = connection.channel.onEvent((event) => state.event(event));
    const ready = connection.channel.waitFor(
      (e) => e.kind === "kernel_ready",
      30_000,
      "kernel_ready",
    );
    await connection.start();
    await ready;
    ctx.err(`deploying ${manifest.services.length} services and ${manifest.agents.length} agents`);
    const agents = await deploy(connection.channel, manifest);
    for (const [name, id] of agents) state.name(id, name);
    const stop = new Promise<void>((resolve) => {
      void ctx.stopSignal.then(resolve);
      if (options.seconds !== undefined) setTimeout(resolve, options.seconds * 1000);
    });
    let stopped = false;
    void stop.then(() => {
      stopped = true;
    });
    while (!stopped) {
      state.stats(await agentStats(connection.channel, 150));
      const view = renderView(options.board, state, ctx.colour);
      // On a terminal the view redraws in place; elsewhere each refresh is appended.
      ctx.out(tty ? `\x1b[H\x1b[2J${view}` : view);
      await Promise.race([stop, new Promise((r) => setTimeout(r, options.refreshMs))]);
    }
    offEvents();
  } finally {
    await connection.release();
  }
}
