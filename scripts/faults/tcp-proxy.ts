// A TCP proxy between the server and PostgreSQL that can fail the way networks and databases do:
// pass bytes through, refuse new connections (a database restarting), reset every connection
// (a failover, a pgbouncer restart) or stall them all (a network partition: sockets stay open,
// nothing arrives). Used by the fault proofs only.
import net from "node:net";

export type ProxyMode = "pass" | "refuse" | "stall";

export type TcpProxy = {
  port: number;
  /** Connections open through the proxy now. */
  open(): number;
  setMode(mode: ProxyMode): Promise<void>;
  /** Ends every open connection with a TCP reset, as a failover does. */
  resetAll(): void;
  close(): Promise<void>;
};

type Pair = { client: net.Socket; upstream: net.Socket };

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let mode: ProxyMode = "pass";
  const pairs = new Set<Pair>();
  const stalled: Array<() => void> = [];
  const onConnection = (client: net.Socket) => {
    const upstream = net.connect(target);
    const pair = { client, upstream };
    pairs.add(pair);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on("error", end).on("close", end);
    upstream.on("error", end).on("close", end);
    // Data is forwarded unless the proxy stalls; a stalled chunk waits for the partition to heal.
    const forward = (from: net.Socket, to: net.Socket) =>
      from.on("data", (chunk: Buffer) => {
        if (mode === "stall") stalled.push(() => to.write(chunk));
        else to.write(chunk);
      });
    forward(client, upstream);
    forward(upstream, client);
  };
  let server = net.createServer(onConnection);
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        const address = server.address();
        resolve(typeof address === "object" && address ? address.port : port);
      });
    });
  const port = await listen(0);
  return {
    port,
    open: () => pairs.size,
    async setMode(next) {
      if (next === mode) return;
      if (next === "refuse") {
        // Nothing listens: new connections are refused (ECONNREFUSED), open ones carry on (close's
        // callback waits for them, so it is not awaited).
        server.close();
      } else if (mode === "refuse") {
        server = net.createServer(onConnection);
        await listen(port);
      }
      const healing = mode === "stall" && next !== "stall";
      mode = next;
      if (healing) for (const write of stalled.splice(0)) write();
    },
    resetAll() {
      for (const pair of [...pairs]) {
        pair.client.resetAndDestroy();
        pair.upstream.resetAndDestroy();
        pairs.delete(pair);
      }
    },
    async close() {
      for (const pair of [...pairs]) {
        pair.client.destroy();
        pair.upstream.destroy();
      }
      if (mode !== "refuse") server.close();
    },
  };
}
