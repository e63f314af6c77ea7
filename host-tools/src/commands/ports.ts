/** `aios ports`: serial devices, with USB ids and serial numbers. */
import { listPorts } from "../transport/ports.ts";
import type { CommandContext } from "./context.ts";

export async function portsCommand(options: { json: boolean }, ctx: CommandContext): Promise<void> {
  const ports = await listPorts();
  if (ports.length === 0 && !options.json) ctx.err("no serial devices found");
  for (const port of ports) {
    if (options.json) {
      ctx.out(JSON.stringify(port));
      continue;
    }
    const usb = port.vendorId !== undefined ? ` ${port.vendorId}:${port.productId ?? "????"}` : "";
    const serial = port.serialNumber !== undefined ? ` serial ${port.serialNumber}` : "";
    ctx.out(
      `${port.path}${usb}${serial}${port.manufacturer ? ` (${port.manufacturer})` : ""}${port.byId ? `  ${port.byId}` : ""}`,
    );
  }
}
