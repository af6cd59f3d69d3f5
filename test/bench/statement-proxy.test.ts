import { type Server, type Socket, createServer, connect } from "node:net";
import { StatementProxy } from "../../bench/statement-proxy";

/** Frontend protocol messages as a driver sends them: a startup message, then typed messages. */
const startup = (): Buffer => {
  const body = Buffer.from("user\0bench\0\0");
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + body.length, 0);
  head.writeUInt32BE(196608, 4); // protocol 3.0
  return Buffer.concat([head, body]);
};
const message = (type: string, body: string): Buffer => {
  const payload = Buffer.from(body);
  const head = Buffer.alloc(5);
  head.write(type, 0);
  head.writeUInt32BE(4 + payload.length, 1);
  return Buffer.concat([head, payload]);
};

describe("StatementProxy", () => {
  let database: Server;
  let proxy: StatementProxy;
  const received: Buffer[] = [];

  beforeAll(async () => {
    // Stands in for PostgreSQL: takes whatever arrives.
    database = createServer((socket) => socket.on("data", (chunk) => received.push(chunk)));
    await new Promise<void>((resolve) => database.listen(0, "127.0.0.1", resolve));
    const { port } = database.address() as { port: number };
    proxy = await StatementProxy.start({ host: "127.0.0.1", port });
  });
  afterAll(async () => {
    await proxy.stop();
    await new Promise((resolve) => database.close(resolve));
  });

  const send = async (messages: Buffer[]): Promise<Socket> => {
    const client = connect(proxy.port, "127.0.0.1");
    await new Promise((resolve) => client.once("connect", resolve));
    const all = Buffer.concat([startup(), ...messages]);
    const before = received.reduce((n, chunk) => n + chunk.length, 0);
    // Split mid-message: a statement must be counted however the bytes arrive.
    client.write(all.subarray(0, 11));
    client.write(all.subarray(11));
    while (received.reduce((n, chunk) => n + chunk.length, 0) < before + all.length) await new Promise((resolve) => setTimeout(resolve, 5));
    return client;
  };

  it("counts simple queries and executions, and nothing on a connection that listens", async () => {
    const worker = await send([message("Q", "SELECT 1\0"), message("P", "\0SELECT $1\0\0\0"), message("E", "\0\0\0\0\0"), message("S", "")]);
    expect(proxy.statements).toBe(2);
    const listener = await send([message("Q", "LISTEN thuis_viewers\0"), message("Q", "SELECT 1\0")]);
    expect(proxy.statements).toBe(2);
    worker.destroy();
    listener.destroy();
  });
});
