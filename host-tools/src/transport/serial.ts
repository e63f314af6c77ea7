/**
 * The serial link to a device. All host↔device traffic goes through this interface; the real
 * implementation is serialport, tests use @serialport/binding-mock (mock.ts) through the same
 * wrapper.
 *
 * Contract: `openSerial` resolves once bytes can flow or rejects with a LinkError (never
 * opened); `onData` delivers bytes in order; `onClose` listeners run once, with a LinkError
 * when the link went away by itself (unplug, target exit, I/O error) and with nothing when
 * close() was called; close() is safe to call twice.
 */
import { SerialPort } from "serialport";
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
}

/** The part of serialport's stream API the link needs; SerialPort and SerialPortMock have it. */
export interface PortStream {
  readonly isOpen: boolean;
  open(callback: (error: Error | null) => void): void;
  write(data: Buffer, callback: (error: Error | null | undefined) => void): boolean;
  close(callback: (error: Error | null) => void): void;
  on(event: "data", listener: (data: Buffer) => void): this;
  on(event: "close", listener: (error?: Error | null) => void): this;
  on(event: "error", listener: (error: Error) => void): this;
}

export async function openPortStream(path: string, port: PortStream): Promise<SerialLink> {
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
  let ioError: Error | undefined;
  // Without a listener an I/O error would crash the process; it ends the link instead.
  port.on("error", (error) => {
    ioError = error;
  });
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
      port.on("close", (error?: Error | null) => {
        if (closing) {
          listener();
          return;
        }
        const cause = error ?? ioError;
        listener(
          new LinkError(`serial port ${path} closed${cause ? `: ${cause.message}` : ""}`, true),
        );
      }),
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

export function openSerial(path: string, options: SerialOptions = {}): Promise<SerialLink> {
  return openPortStream(
    path,
    new SerialPort({ path, baudRate: options.baudRate ?? 115200, autoOpen: false }),
  );
}
