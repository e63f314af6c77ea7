/**
 * The serial link to a device. All host↔device traffic goes through this interface; the real
 * implementation is serialport, tests use @serialport/binding-mock through the same class.
 *
 * Contract: `open` resolves once bytes can flow or rejects with a LinkError (never opened);
 * `data` delivers bytes in order; `close` is emitted once, with a LinkError when the link went
 * away by itself (unplug, target exit) and with nothing when close() was called.
 */
import { SerialPort, SerialPortMock } from "serialport";
import { LinkError } from "../errors.ts";

export interface SerialLink {
  readonly path: string;
  write(bytes: Uint8Array): Promise<void>;
  onData(listener: (bytes: Buffer) => void): void;
  onClose(listener: (error?: LinkError) => void): void;
  close(): Promise<void>;
}

export interface SerialOptions {
  baudRate?: number;
  /** Use @serialport/binding-mock (a port created with MockBinding.createPort) instead of the OS. */
  mock?: boolean;
}

export async function openSerial(path: string, options: SerialOptions = {}): Promise<SerialLink> {
  const settings = { path, baudRate: options.baudRate ?? 115200, autoOpen: false };
  const port = options.mock ? new SerialPortMock(settings) : new SerialPort(settings);
  await new Promise<void>((resolve, reject) =>
    port.open((error) =>
      error
        ? reject(
            new LinkError(
              `cannot open serial port ${path}: ${error.message}. List ports with: aios ports`,
              false,
            ),
          )
        : resolve(),
    ),
  );
  let closing = false;
  return {
    path,
    write: (bytes) =>
      new Promise((resolve, reject) => {
        port.write(Buffer.from(bytes), (error) =>
          error
            ? reject(new LinkError(`write to ${path} failed: ${error.message}`, true))
            : resolve(),
        );
      }),
    onData: (listener) => port.on("data", listener),
    onClose: (listener) =>
      port.on("close", (error?: Error) =>
        listener(
          closing
            ? undefined
            : new LinkError(`serial port ${path} closed${error ? `: ${error.message}` : ""}`, true),
        ),
      ),
    close: () =>
      new Promise<void>((resolve) => {
        closing = true;
        if (!port.isOpen) {
          resolve();
          return;
        }
        port.close(() => resolve());
      }),
  };
}
