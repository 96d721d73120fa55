// Runs the built server for e2e and keeps everything it writes (stdout and stderr) in one
// file as well as passing it on, so the log scan (e2e/support/log-scan.ts) can read every
// line the server wrote during the run. The file is started afresh on each run.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const logFile = process.env.E2E_SERVER_LOG;
if (!logFile) {
  process.stderr.write("E2E_SERVER_LOG must name the file the server's log goes to\n");
  process.exit(2);
}
fs.mkdirSync(path.dirname(logFile), { recursive: true });
const log = fs.openSync(logFile, "w");

const server = spawn(process.execPath, ["server/dist/main.js"], { stdio: ["ignore", "pipe", "pipe"] });
// Written synchronously, in arrival order: the scan waits for a marker line, so nothing
// written before it may still be in a buffer here.
server.stdout.on("data", (chunk) => {
  fs.writeSync(log, chunk);
  process.stdout.write(chunk);
});
server.stderr.on("data", (chunk) => {
  fs.writeSync(log, chunk);
  process.stderr.write(chunk);
});
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => {
  fs.closeSync(log);
  process.exit(code ?? (signal ? 1 : 0));
});
