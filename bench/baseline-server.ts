// Baselines measured in the same run as Mutual: a bare Fastify server with one JSON
// route, and (given a database file and secret) the least an authenticated /api/me can
// do: check the session cookie's signature and look the session up with one prepared
// SQLite statement, with no security headers, validation or logging.
import { createHmac, timingSafeEqual } from "node:crypto";
import { SqliteDatabase } from "../server/src/db/sqlite-driver.js";
import Fastify from "fastify";

const [portArgument, databaseFile, secret] = process.argv.slice(2);
const app = Fastify({ logger: false });
app.get("/livez", async () => ({ status: "ok" }));

if (databaseFile && secret) {
  const db = new SqliteDatabase(databaseFile, { readonly: true });
  const findSession = db.prepare(
    'select s."id" as sessionId, s."expiresAt" as expiresAt, u."id" as userId, u."name" as name, u."email" as email from "session" s join "user" u on u."id" = s."userId" where s."token" = ?',
  );
  app.get("/api/me", async (request, reply) => {
    const raw = /better-auth\.session_token=([^;]+)/.exec(request.headers.cookie ?? "")?.[1];
    const decoded = raw ? decodeURIComponent(raw) : "";
    const dot = decoded.lastIndexOf(".");
    const token = decoded.slice(0, dot);
    const given = Buffer.from(decoded.slice(dot + 1), "base64");
    const expected = createHmac("sha256", secret).update(token).digest();
    if (dot <= 0 || given.length !== expected.length || !timingSafeEqual(given, expected)) return reply.status(401).send({});
    const row = findSession.get(token) as { userId: string; name: string; email: string } | undefined;
    if (!row) return reply.status(401).send({});
    return { user: { id: row.userId, name: row.name, email: row.email } };
  });
}

await app.listen({ port: Number(portArgument ?? 3300), host: "127.0.0.1" });
process.stdout.write("ready\n");
