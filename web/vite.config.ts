import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import react from "@vitejs/plugin-react";
import { defaultClientConditions, defineConfig, type Plugin } from "vite";
import { shellTextPlugin } from "./shell-text-plugin.js";

/**
 * Writes sw.js (decision 048): service-worker.js with this build's version and the files it keeps
 * for offline use (every built script and style, the offline page, the manifests and icons).
 */
function serviceWorker(): Plugin {
  return {
    name: "mutual-service-worker",
    apply: "build",
    // After writing, not while generating: Vite drops the empty script of a style-only chunk late,
    // and a kept name with no file behind it fails the worker's install, so it never takes control.
    writeBundle(options, bundle) {
      const dir = options.dir ?? "dist";
      const built = Object.keys(bundle).filter((name) => /\.(js|css)$/.test(name) && name.startsWith("assets/") && fs.existsSync(path.join(dir, name)));
      const publicFiles = [
        "offline.html",
        "manifest.webmanifest",
        "manifest-discreet.webmanifest",
        "favicon.svg",
        ...fs.readdirSync(new URL("public/icons", import.meta.url)).map((name) => `icons/${name}`),
      ];
      const precache = [...built.sort(), ...publicFiles].map((name) => `/${name}`);
      const version = createHash("sha256").update(precache.join("\n")).digest("hex").slice(0, 16);
      const source = fs
        .readFileSync(new URL("service-worker.js", import.meta.url), "utf8")
        .replace('"__MUTUAL_VERSION__"', JSON.stringify(version))
        .replace('"__MUTUAL_PRECACHE__"', JSON.stringify(JSON.stringify(precache)));
      fs.writeFileSync(path.join(dir, "sw.js"), source);
    },
  };
}

// The SPA, built into web/dist and served by the Fastify server in production.
// "source" resolves @mutual/core to its TypeScript sources (no separate build step).
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), serviceWorker(), shellTextPlugin()],
  resolve: { conditions: ["source", ...defaultClientConditions] },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    // No inline assets: the CSP allows images and fonts from our own origin only.
    assetsInlineLimit: 0,
    // scripts/check-bundle-size.ts reads the manifest to measure the first-load JavaScript.
    manifest: true,
  },
  server: {
    proxy: { "/api": "http://localhost:3000", "/livez": "http://localhost:3000", "/readyz": "http://localhost:3000" },
  },
});
