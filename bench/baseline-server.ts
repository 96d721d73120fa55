// The baseline: a bare Fastify server with one JSON route, measured in the same run as
// Mutual so the ratios compare like with like on whatever machine runs the bench.
import Fastify from "fastify";

const port = Number(process.argv[2] ?? 3300);
const app = Fastify({ logger: false });
app.get("/livez", async () => ({ status: "ok" }));
await app.listen({ port, host: "127.0.0.1" });
process.stdout.write("ready\n");
