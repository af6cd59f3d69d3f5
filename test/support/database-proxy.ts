import { type AddressInfo, type Server, type Socket, connect, createServer } from "node:net";

/** TypeORM's COMMIT as it goes over the wire: a simple Query message ('Q', length 11, "COMMIT\0"). */
const COMMIT = Buffer.from("Q\0\0\0\x0bCOMMIT\0", "latin1");

interface Relay {
  client: Socket;
  upstream: Socket;
  /** A COMMIT went to PostgreSQL and nothing has come back since. */
  commitUnanswered: boolean;
}

/**
 * A TCP proxy between thuis and PostgreSQL that plays an outage without stopping the shared
 * server: `stop()` drops every open connection and turns new ones away, as a stopped server
 * would; `start()` lets them through again. A cut between a COMMIT and its answer leaves the
 * transaction in doubt (it may have committed): the proxy counts those.
 */
export class DatabaseProxy {
  private readonly relays = new Set<Relay>();
  private down = false;
  /** Transactions whose COMMIT reached PostgreSQL but whose answer a stop cut off. */
  commitsInDoubt = 0;

  private constructor(private readonly server: Server, private readonly target: URL) {}

  static async open(databaseUrl: string): Promise<DatabaseProxy> {
    const proxy: DatabaseProxy = new DatabaseProxy(createServer((client) => proxy.relay(client)), new URL(databaseUrl));
    await new Promise<void>((resolve) => proxy.server.listen(0, "127.0.0.1", resolve));
    return proxy;
  }

  /** The same database, reached through the proxy. */
  route(databaseUrl: string): string {
    const url = new URL(databaseUrl);
    url.host = `127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return url.toString();
  }

  stop(): void {
    this.down = true;
    for (const relay of this.relays) {
      if (relay.commitUnanswered) this.commitsInDoubt += 1;
      relay.client.destroy();
      relay.upstream.destroy();
    }
    this.relays.clear();
  }

  start(): void {
    this.down = false;
  }

  async close(): Promise<void> {
    this.stop();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private relay(client: Socket): void {
    if (this.down) return void client.destroy();
    const upstream = connect(Number(this.target.port || 5432), this.target.hostname);
    const relay: Relay = { client, upstream, commitUnanswered: false };
    this.relays.add(relay);
    client.on("data", (chunk: Buffer) => {
      if (chunk.includes(COMMIT)) relay.commitUnanswered = true;
      upstream.write(chunk);
    });
    upstream.on("data", (chunk: Buffer) => {
      relay.commitUnanswered = false;
      client.write(chunk);
    });
    for (const [socket, other] of [[client, upstream], [upstream, client]]) {
      socket.on("error", () => undefined);
      socket.on("close", () => {
        other.destroy();
        this.relays.delete(relay);
      });
    }
  }
}
