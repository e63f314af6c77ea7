/** `aios ping`: round trips to the device, proving the host→device direction. */
import { randomInt } from "node:crypto";
import type { CommandContext } from "./context.ts";
import { connect, type TargetChoice } from "./target.ts";

export interface PingOptions extends TargetChoice {
  count: number;
  json: boolean;
  timeout: number;
}

export async function pingCommand(options: PingOptions, ctx: CommandContext): Promise<void> {
  const connection = await connect(options, ctx);
  try {
    // A freshly booted target needs a moment before it reads its UART; the boot event says it is up.
    const up = connection.channel.waitFor(
      (e) => e.kind === "boot" || e.kind === "heartbeat",
      2000,
      "boot",
    );
    await connection.start();
    await up.catch(() => undefined);
    for (let i = 0; i < options.count; i++) {
      const nonce = randomInt(0, 0xffffffff);
      const { ms } = await connection.channel.ping(nonce, options.timeout * 1000);
      if (options.json) ctx.out(JSON.stringify({ nonce, round_trip_ms: Number(ms.toFixed(3)) }));
      else ctx.out(`pong nonce=${nonce} time=${ms.toFixed(1)} ms`);
    }
  } finally {
    await connection.release();
  }
}
