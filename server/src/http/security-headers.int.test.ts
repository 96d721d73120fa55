import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LightMyRequestResponse } from "fastify";
import { buildTestApp, type TestApp } from "../../test/build-test-app.js";
import { getMe, sameOrigin, signUp } from "../../test/auth-helpers.js";
import { dialects } from "../../test/test-databases.js";

// The same policy must reach the browser on every kind of answer: the page itself (where the
// CSP decides what may run), the files it loads, JSON (a JSON answer opened as a page must not
// be sniffed into HTML) and errors (a 404 or 500 page is still a page an attacker can frame).

/** The CSP as directive → sources, from the one header a response carries. */
function parseCsp(response: LightMyRequestResponse): Map<string, string[]> {
  const header = response.headers["content-security-policy"];
  expect(typeof header, "one Content-Security-Policy header").toBe("string");
  const directives = new Map<string, string[]>();
  for (const part of String(header).split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** What the browser applies to scripts or styles: the most specific directive present, else default-src. */
function effectiveSources(csp: Map<string, string[]>, kind: "script" | "style"): Record<string, string[] | undefined> {
  const fallback = csp.get(`${kind}-src`) ?? csp.get("default-src");
  return {
    [`${kind}-src`]: fallback,
    [`${kind}-src-elem`]: csp.get(`${kind}-src-elem`) ?? fallback,
    [`${kind}-src-attr`]: csp.get(`${kind}-src-attr`) ?? fallback,
  };
}

function expectStrictHeaders(response: LightMyRequestResponse): void {
  const csp = parseCsp(response);
  expect(csp.get("default-src")).toEqual(["'self'"]);
  for (const kind of ["script", "style"] as const) {
    for (const [directive, sources] of Object.entries(effectiveSources(csp, kind))) {
      // Missing would mean no restriction at all; each must name only our own origin.
      expect(sources, directive).toBeDefined();
      expect(sources, directive).not.toContain("'unsafe-inline'");
      expect(sources, directive).not.toContain("'unsafe-eval'");
      expect(sources, directive).not.toContain("'unsafe-hashes'");
      expect(sources, directive).not.toContain("*");
      expect(sources, directive).not.toContain("data:");
    }
  }
  expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
  expect(csp.get("object-src")).toEqual(["'none'"]);
  expect(csp.get("base-uri")).toEqual(["'none'"]);
  expect(response.headers["x-content-type-options"]).toBe("nosniff");
  expect(response.headers["referrer-policy"]).toBe("no-referrer");
  expect(response.headers["x-frame-options"]).toBe("DENY");
  // No powerful feature for any frame (decision 032): the camera, microphone and location at least, each with an empty allow-list.
  const permissions = String(response.headers["permissions-policy"] ?? "")
    .split(",")
    .map((entry) => entry.trim());
  for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"]) expect(permissions, feature).toContain(`${feature}=()`);
  expect(permissions.every((entry) => entry.endsWith("=()"))).toBe(true);
}

describe.each(dialects)("[%s] security headers on every kind of answer", (dialect) => {
  let t: TestApp;
  let webDir: string;
  beforeAll(async () => {
    webDir = fs.mkdtempSync(path.join(os.tmpdir(), "mutual-headers-web-"));
    fs.mkdirSync(path.join(webDir, "assets"));
    fs.writeFileSync(path.join(webDir, "index.html"), '<meta name="mutual:quick-exit" content="__MUTUAL_QUICK_EXIT_URL__"><div id="root"></div>');
    fs.writeFileSync(path.join(webDir, "assets", "app-abc123.js"), "console.log('app')");
    fs.writeFileSync(path.join(webDir, "assets", "app-abc123.css"), "body{margin:0}");
    t = await buildTestApp(dialect, {
      webDistDir: webDir,
      extraRoutes(app) {
        app.get("/api/test/boom", { config: { access: "public" } }, async () => {
          throw new Error("an unexpected failure");
        });
      },
    });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  it("the app page, for a client-side route and for /", async () => {
    for (const url of ["/", "/account/data-views"]) {
      const response = await t.app.inject({ method: "GET", url, headers: { accept: "text/html" } });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers["content-type"]).toMatch(/text\/html/);
      expectStrictHeaders(response);
    }
  });

  it("a script and a stylesheet of the build", async () => {
    for (const url of ["/assets/app-abc123.js", "/assets/app-abc123.css"]) {
      const response = await t.app.inject({ method: "GET", url });
      expect(response.statusCode, url).toBe(200);
      expectStrictHeaders(response);
    }
  });

  it("a JSON answer, public and signed in", async () => {
    const help = await t.app.inject({ method: "GET", url: "/api/help/resources" });
    expect(help.statusCode).toBe(200);
    expectStrictHeaders(help);
    const person = await signUp(t.app);
    const me = await getMe(t.app, person.cookie);
    expect(me.statusCode).toBe(200);
    expect(me.headers["content-type"]).toMatch(/application\/json/);
    expectStrictHeaders(me);
  });

  it("error answers: 400, 401, 404 (API and page) and 500", async () => {
    const answers = [
      await t.app.inject({ method: "POST", url: "/api/auth/sign-in/email", headers: sameOrigin, payload: "{not json" }),
      await t.app.inject({ method: "GET", url: "/api/me" }),
      await t.app.inject({ method: "GET", url: "/api/nothing-here" }),
      await t.app.inject({ method: "GET", url: "/assets/missing-file.js" }),
      await t.app.inject({ method: "GET", url: "/api/test/boom" }),
    ];
    expect(answers.map((response) => response.statusCode)).toEqual([400, 401, 404, 404, 500]);
    for (const response of answers) expectStrictHeaders(response);
  });
});
