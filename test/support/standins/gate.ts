/**
 * A gate in front of a stand-in (or any TCP server on 127.0.0.1): a port of its own that passes every
 * connection through to the stand-in's while open, and refuses connections (ECONNREFUSED, as a
 * machine with nothing listening does) while closed; closing it also cuts the connections under way,
 * mid-request. The bot is pointed at the gate, so a test can take Discord, the proxy or Slack away
 * and bring it back, at start or mid fan-out, without the stand-in losing what it holds.
 */
import { connect, createServer, type Server, type Socket } from "node:net";
import { freePort } from "../processes.js";

export class Gate {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();

  private constructor(
    /** The gate's own port, the same whether open or closed. */
    readonly port: number,
    private readonly target: number,
  ) {}

  /** A gate to `url`'s port (a stand-in's), closed until `open()`. */
  static async closedTo(url: string): Promise<Gate> {
    return new Gate(await freePort(), Number(new URL(url).port));
  }

  /** A gate to `url`'s port, open. */
  static async openTo(url: string): Promise<Gate> {
    const gate = await Gate.closedTo(url);
    await gate.open();
    return gate;
  }

  /** `url` (a stand-in's) through the gate: the same, on the gate's port. */
  through(url: string): string {
    const u = new URL(url);
    u.port = String(this.port);
    return u.href;
  }

  get isOpen(): boolean {
    return this.server !== undefined;
  }

  async open(): Promise<void> {
    if (this.server) return;
    const server = createServer((client) => {
      const upstream = connect(this.target, "127.0.0.1");
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on("close", () => this.sockets.delete(socket));
        socket.on("error", () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(this.port, "127.0.0.1", resolve));
    this.server = server;
  }

  /** Refuses new connections and cuts those under way. */
  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }
}
