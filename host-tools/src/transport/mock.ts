/**
 * A device on @serialport/binding-mock, for tests of everything above the serial port. The
 * `device` side plays the board: it sends bytes, shows what the host wrote, and can unplug.
 */
import { SerialPortMock } from "serialport";
import { openPortStream, type SerialLink } from "./serial.ts";

export interface MockDevice {
  /** Bytes the device sends to the host. */
  send(bytes: Uint8Array): void;
  /** Everything the host has written so far. */
  received(): Buffer;
  /** The cable comes out: the host sees the link close with an error. */
  unplug(): void;
}

export async function openMockSerial(
  path: string,
): Promise<{ link: SerialLink; device: MockDevice }> {
  SerialPortMock.binding.createPort(path, { echo: false, record: true });
  const port = new SerialPortMock({ path, baudRate: 115200, autoOpen: false });
  const link = await openPortStream(path, port);
  const binding = () => {
    if (port.port === undefined) throw new Error(`mock port ${path} is not open`);
    return port.port;
  };
  return {
    link,
    device: {
      send: (bytes) => binding().emitData(Buffer.from(bytes)),
      received: () => binding().recording,
      unplug: () => port.destroy(new Error("device unplugged")),
    },
  };
}

export function resetMockPorts(): void {
  SerialPortMock.binding.reset();
}
