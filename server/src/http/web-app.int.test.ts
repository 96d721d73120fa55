// The built web app's files go out compressed when the browser accepts it, from the copies the
// build wrote (scripts/precompress-web.ts), and as they are otherwise; API answers never compressed.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/build-test-app.js";
import { precompress } from "../../../scripts/precompress-web.js";
import { dialects } from "../../test/test-databases.js";

describe.each(dialects)("[%s] serving the built web app", (dialect) => {
  let t: TestApp;
  let webDir: string;
  const script = `export const greeting = ${JSON.stringify("hello ".repeat(2000))};\n`;

  beforeAll(async () => {
    webDir = fs.mkdtempSync(path.join(os.tmpdir(), "mutual-web-compress-"));
    fs.writeFileSync(path.join(webDir, "index.html"), "<!doctype html><title>Mutual</title>");
    fs.mkdirSync(path.join(webDir, "assets"));
    fs.writeFileSync(path.join(webDir, "assets", "app-1234.js"), script);
    fs.writeFileSync(path.join(webDir, "assets", "tiny-1234.js"), "export {};\n");
    expect(precompress(webDir).files).toBe(1);
    t = await buildTestApp(dialect, { webDistDir: webDir });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  it("sends the Brotli or gzip copy to a browser that accepts it, and the file itself otherwise", async () => {
    const brotli = await t.app.inject({ method: "GET", url: "/assets/app-1234.js", headers: { "accept-encoding": "gzip, deflate, br" } });
    expect(brotli.statusCode).toBe(200);
    expect(brotli.headers["content-encoding"]).toBe("br");
    expect(brotli.headers["content-type"]).toMatch(/javascript/);
    expect(brotli.rawPayload.length).toBeLessThan(script.length / 10);
    expect(brotliDecompressSync(brotli.rawPayload).toString()).toBe(script);

    const gzip = await t.app.inject({ method: "GET", url: "/assets/app-1234.js", headers: { "accept-encoding": "gzip" } });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(script);

    const plain = await t.app.inject({ method: "GET", url: "/assets/app-1234.js" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toBe(script);
    // Long caching stays on the compressed answers too.
    expect(brotli.headers["cache-control"]).toContain("immutable");
  });

  it("sends a file too small to be worth compressing as it is, and never compresses an API answer", async () => {
    const tiny = await t.app.inject({ method: "GET", url: "/assets/tiny-1234.js", headers: { "accept-encoding": "br, gzip" } });
    expect(tiny.statusCode).toBe(200);
    expect(tiny.headers["content-encoding"]).toBeUndefined();
    const api = await t.app.inject({ method: "GET", url: "/readyz", headers: { "accept-encoding": "br, gzip" } });
    expect(api.headers["content-encoding"]).toBeUndefined();
  });
});
