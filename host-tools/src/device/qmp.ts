/**
 * A small client for QEMU's machine protocol (QMP): JSON objects over a Unix socket, one
 * command at a time. Used to read the UART's pty path and to start a paused machine.
 */
import { createConnection, type Socket } from "node:net";
import { LinkError } from "../errors.ts";

interface QmpReply {
  return?: unknown;
  error?: { class: string; desc: string };
  event?: string;
  QMP?: unknown;
}

export class QmpClient {
  private buffered = "";
  private waiting: ((reply: QmpReply) => void)[] = [];

  private constructor(private readonly socket: Socket) {
    socket.setEncoding("utf8");
    socket.on("data", (text: string) => this.receive(text));
  }

  /** Connects, waits for the greeting and negotiates capabilities. */
  static async connect(path: string): Promise<QmpClient> {
    const socket = await new Promise<Socket>((resolve, reject) => {
      const s = createConnection(path);
      s.once("connect", () => resolve(s));
      s.once("error", (e) =>
        reject(new LinkError(`cannot reach QEMU's QMP socket ${path}: ${e.message}`, false)),
      );
    });
    const client = new QmpClient(socket);
    await client.next();
    await client.execute("qmp_capabilities");
    return client;
  }

  private receive(text: string): void {
    this.buffered += text;
    let newline = this.buffered.indexOf("\n");
    while (newline >= 0) {
      const line = this.buffered.slice(0, newline).trim();
      this.buffered = this.buffered.slice(newline + 1);
      newline = this.buffered.indexOf("\n");
      if (line === "") continue;
      const reply = JSON.parse(line) as QmpReply;
      if (reply.event !== undefined) continue;
      this.waiting.shift()?.(reply);
    }
  }

  private next(): Promise<QmpReply> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  async execute(command: string, args?: Record<string, unknown>): Promise<unknown> {
    const reply = this.next();
    this.socket.write(
      `${JSON.stringify({ execute: command, ...(args ? { arguments: args } : {}) })}\n`,
    );
    const result = await reply;
    if (result.error !== undefined) {
      throw new LinkError(`QEMU refused ${command}: ${result.error.desc}`, false);
    }
    return result.return;
  }

  close(): void {
    this.socket.destroy();
  }
}
