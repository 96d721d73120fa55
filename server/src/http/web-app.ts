import fs from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

export type WebAppOptions = { distDir: string; quickExitUrl: string };

/**
 * Serves the built SPA: hashed assets with long caching; the not-found handler serves
 * index.html to every other GET that asks for a page, so client-side routes survive a reload. The operator's
 * quick-exit address goes into a meta tag: no inline script, and it works before any
 * API call returns. Returns the page to serve for client-side routes, or null when the web app has not been built.
 */
export async function registerWebApp(app: FastifyInstance, options: WebAppOptions): Promise<string | null> {
  const indexFile = path.join(options.distDir, "index.html");
  if (!fs.existsSync(indexFile)) return null;
  const indexHtml = fs.readFileSync(indexFile, "utf8").replace("__MUTUAL_QUICK_EXIT_URL__", escapeAttribute(options.quickExitUrl));

  await app.register(async (staticFiles) => {
    // The built files are public by nature; declare it on each route the plugin adds.
    staticFiles.addHook("onRoute", (route) => {
      route.config = Object.assign(route.config ?? {}, { access: "public" as const });
    });
    await staticFiles.register(fastifyStatic, {
      root: options.distDir,
      index: false,
      wildcard: false,
      // The build writes .br and .gz copies (scripts/precompress-web.ts); the browser gets the one it accepts.
      preCompressed: true,
      setHeaders(response, filePath) {
        const isHashedAsset = filePath.includes(`${path.sep}assets${path.sep}`);
        response.header("cache-control", isHashedAsset ? "public, max-age=31536000, immutable" : "no-cache");
      },
    });
  });

  return indexHtml;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
