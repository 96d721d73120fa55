import type { Server } from "node:http";
import type { FastifyBaseLogger } from "fastify";

// How many connections the server holds at once (decision 027). Request, header and keep-alive
// timeouts (app.ts) bound how long each one is held; these bound how many. With a per-address
// limit, one client holding slow sockets cannot take them all: everyone else is still served.
// Behind a reverse proxy every connection comes from the proxy, so that limit is off by default
// there (config.ts) and belongs to the proxy.

/** Applies the total and per-address connection limits to a listening (or about to listen) server. */
export function limitConnections(server: Server, limits: { max: number; perAddress: number; logger: FastifyBaseLogger }): void {
  // Node closes a connection beyond this number as soon as it is accepted.
  server.maxConnections = limits.max;
  if (limits.perAddress <= 0) return;
  const open = new Map<string, number>();
  let lastWarningMs = 0;
  server.on("connection", (socket) => {
    const address = socket.remoteAddress ?? "unknown";
    const count = (open.get(address) ?? 0) + 1;
    if (count > limits.perAddress) {
      socket.destroy();
      const now = Date.now();
      if (now - lastWarningMs > 60_000) {
        lastWarningMs = now;
        limits.logger.warn({ limit: limits.perAddress }, "Refused connections from one address over its limit (MAX_CONNECTIONS_PER_ADDRESS)");
      }
      return;
    }
    open.set(address, count);
    socket.once("close", () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left <= 0) open.delete(address);
      else open.set(address, left);
    });
  });
}
