/**
 * Serial devices on this machine, with what identifies a device across unplugs: its USB serial
 * number and its /dev/serial/by-id link. serialport's list needs udev; where it is missing
 * (containers), the by-id folder and the usual device names are scanned instead.
 */
import { existsSync, readdirSync, realpathSync } from "node:fs";
import { join } from "node:path";
import { SerialPort } from "serialport";

export interface PortInfo {
  path: string;
  byId?: string;
  vendorId?: string;
  productId?: string;
  serialNumber?: string;
  manufacturer?: string;
}

const byIdDir = "/dev/serial/by-id";

function byIdLinks(): Map<string, string> {
  const links = new Map<string, string>();
  if (!existsSync(byIdDir)) return links;
  for (const name of readdirSync(byIdDir)) {
    const link = join(byIdDir, name);
    links.set(realpathSync(link), link);
  }
  return links;
}

export async function listPorts(): Promise<PortInfo[]> {
  const links = byIdLinks();
  let listed: PortInfo[];
  try {
    listed = (await SerialPort.list()).map((p) => ({
      path: p.path,
      ...(p.vendorId ? { vendorId: p.vendorId } : {}),
      ...(p.productId ? { productId: p.productId } : {}),
      ...(p.serialNumber ? { serialNumber: p.serialNumber } : {}),
      ...(p.manufacturer ? { manufacturer: p.manufacturer } : {}),
    }));
  } catch {
    listed = readdirSync("/dev")
      .filter((name) => /^tty(USB|ACM|AMA|S)\d+$/.test(name) && !/^ttyS([4-9]|\d\d)$/.test(name))
      .map((name) => ({ path: join("/dev", name) }));
  }
  return listed.map((port) => {
    const link = links.get(port.path);
    return link !== undefined ? { ...port, byId: link } : port;
  });
}

/** Where the device with this serial number is now, if it is plugged in. */
export async function findBySerialNumber(serialNumber: string): Promise<string | undefined> {
  return (await listPorts()).find((p) => p.serialNumber === serialNumber)?.path;
}
