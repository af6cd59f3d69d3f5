import { type AddressInfo, type Server, type Socket, createServer, connect } from "node:net";

/**
 * A TCP proxy in front of PostgreSQL that counts the SQL statements its clients send: the
 * frontend protocol's Query ('Q', simple protocol) and Execute ('E', extended protocol)
 * messages, whatever the driver. Plain TCP only (no SSL), as on localhost. A connection that has
 * sent LISTEN keeps a server informed (its heartbeat is no request's work): it is not counted.
 */
export class StatementProxy {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private count = 0;

  private constructor(private readonly target: { host: string; port: number }) {
    this.server = createServer((client) => this.relay(client));
  }

  /** Listens on a free port of 127.0.0.1 and forwards to the target. */
  static async start(target: { host: string; port: number }): Promise<StatementProxy> {
    const proxy = new StatementProxy(target);
    await new Promise<void>((resolve) => proxy.server.listen(0, "127.0.0.1", resolve));
    return proxy;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** Statements sent by all clients so far. */
  get statements(): number {
    return this.count;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private relay(client: Socket): void {
    const server = connect(this.target.port, this.target.host);
    for (const socket of [client, server]) {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
      socket.on("error", () => undefined);
    }
    let listening = false;
    const parser = new FrontendMessages((type, body) => {
      if (type === "Q" && /^\s*LISTEN\b/i.test(body.toString("utf8"))) listening = true;
      if ((type === "Q" || type === "E") && !listening) this.count += 1;
    });
    client.on("data", (chunk: Buffer) => {
      parser.push(chunk);
      server.write(chunk);
    });
    server.on("data", (chunk: Buffer) => client.write(chunk));
    client.on("close", () => server.destroy());
    server.on("close", () => client.destroy());
  }
}

/**
 * Splits what a client sends into messages. The first messages (startup, and an SSL or GSS
 * request before it) have no type byte: a 4-byte length including itself, then a 4-byte code.
 * After the startup message every message is a type byte and a 4-byte length.
 */
class FrontendMessages {
  private buffer: Buffer = Buffer.alloc(0);
  private started = false;

  constructor(private readonly onMessage: (type: string, body: Buffer) => void) {}

  push(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const header = this.started ? 5 : 8;
      if (this.buffer.length < header) return;
      const length = this.started ? this.buffer.readUInt32BE(1) + 1 : this.buffer.readUInt32BE(0);
      if (this.buffer.length < length) return;
      if (this.started) this.onMessage(String.fromCharCode(this.buffer[0]), this.buffer.subarray(5, length));
      else this.started = !isNegotiation(this.buffer.readUInt32BE(4));
      this.buffer = this.buffer.subarray(length);
    }
  }
}

/** SSLRequest and GSSENCRequest come before the startup message proper. */
const isNegotiation = (code: number): boolean => code === 80877103 || code === 80877104;
