// The one place that loads the SQLite driver (decision 053). better-sqlite3 12 builds on
// node::ObjectWrap, whose destructor on Node 24.19 and later aborts the whole process when a
// garbage collection finalises a statement outside JavaScript (seen here as an abort at the end
// of every test worker on Node 24; reported elsewhere as servers crash-looping after writes).
// better-sqlite3 13 is built on Node-API and has no such problem, but needs Node 22 or later and
// crashes on Node 20. So both are installed (13 under the alias better-sqlite3-napi, 12 as an
// optional dependency that may fail to build where it is not needed) and the Node that runs us picks.
import { createRequire } from "node:module";
import type BetterSqlite3 from "better-sqlite3";

const require = createRequire(import.meta.url);

/** The first Node major version that gets better-sqlite3 13 (its own floor). */
export const NAPI_DRIVER_FROM_NODE = 22;

/** Which package the running Node loads: decided by the Node version only. */
export function sqliteDriverFor(nodeVersion: string): "better-sqlite3-napi" | "better-sqlite3" {
  return Number(nodeVersion.split(".")[0]) >= NAPI_DRIVER_FROM_NODE ? "better-sqlite3-napi" : "better-sqlite3";
}

/** better-sqlite3's Database class, with the same API in both versions. */
export const SqliteDatabase: typeof BetterSqlite3 = require(sqliteDriverFor(process.versions.node)) as typeof BetterSqlite3;

export type SqliteConnection = BetterSqlite3.Database;
