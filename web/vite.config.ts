import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import react from "@vitejs/plugin-react";
import type { ChunkingContext } from "rolldown";
import { defaultClientConditions, defineConfig, type Plugin } from "vite";
import { cataloguePlugin } from "./catalogue-plugin.js";
import { shellTextPlugin } from "./shell-text-plugin.js";
import { preactAliases } from "./preact-aliases.js";

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

/** Whether a module is part of the first load: an entry, or imported without `import()` by one that is. */
function isFirstLoad(id: string, ctx: ChunkingContext, seen = new Map<string, boolean>()): boolean {
  const known = seen.get(id);
  if (known !== undefined) return known;
  seen.set(id, false);
  const info = ctx.getModuleInfo(id);
  // device-setup and the phone's tab bar are asked for beside the first screen of every visit.
  const result =
    !!info && (info.isEntry || /[\\/](device-setup\.ts|tab-bar\.tsx)$/.test(id) || info.importers.some((importer) => isFirstLoad(importer, ctx, seen)));
  seen.set(id, result);
  return result;
}

/** "later-shared" for our own shared modules that no first-load module imports; null leaves a module be. */
function nameOfLaterShared(id: string, ctx: ChunkingContext): string | null {
  // Only the web app's own modules: the core's contracts bring zod's schemas with them, which a merged
  // file would then make pages load that never check an answer with them.
  if (!/[\\/]web[\\/]src[\\/]/.test(id)) return null;
  if (/\.(css|json)$/.test(id)) return null;
  return isFirstLoad(id, ctx) ? null : "later-shared";
}

// The SPA, built into web/dist and served by the Fastify server in production.
// "source" resolves @mutual/core to its TypeScript sources (no separate build step).
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), serviceWorker(), shellTextPlugin(), cataloguePlugin()],
  resolve: {
    conditions: ["source", ...defaultClientConditions],
    alias: preactAliases,
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    // No inline assets: the CSP allows images and fonts from our own origin only.
    assetsInlineLimit: 0,
    // scripts/check-bundle-size.ts reads the manifest to measure the first-load JavaScript.
    manifest: true,
    modulePreload: {
      // A script's list of files to preload beside an import() never needs the preload helper: it is
      // the code doing the preloading, so it is loaded by then. A list left with only the imported
      // file itself (a language's frame words, which load their font through the helper, decision
      // 079) is dropped too: import() fetches that file at once. Shorter lists keep the first load's
      // table of files from growing. The page's own list (html) is left whole.
      resolveDependencies: (filename, deps, { hostType }) => {
        if (hostType !== "js") return deps;
        const useful = deps.filter((dep) => !/(^|\/)preload-helper-/.test(dep));
        return useful.length === 1 && useful[0] === filename ? [] : useful;
      },
    },
    rolldownOptions: {
      output: {
        // The shared chunks' own names list every page that uses them; the hash is enough. A catalogue's
        // text is named by its language and key (text-ms-checkIn, decision 095), for reading the build's sizes.
        chunkFileNames: (chunk) => {
          if (chunk.name.startsWith("later-shared")) return "assets/shared-[hash].js";
          // A language's table of them keeps its short name (ms-[hash]): the first load names all four.
          const text = /^\0virtual:catalogue\/([^/]+)\/(\w+)$/.exec(chunk.facadeModuleId ?? "");
          return text ? `assets/text-${text[1]}-${text[2]}-[hash].js` : "assets/[name]-[hash].js";
        },
        codeSplitting: {
          groups: [
            {
              // The small shared parts of the signed-in pages (API hooks, components, helpers): built
              // one file each, a page asked for fifteen of them, a few hundred bytes apiece, and on a
              // slow phone network six at a time. Together they are one request. What the first
              // screen loads stays out (nameOfLaterShared), so the first load does not grow.
              name: nameOfLaterShared,
              includeDependenciesRecursively: false,
              minShareCount: 2,
              entriesAware: true,
              entriesAwareMergeThreshold: 8_000,
              priority: 5,
            },
            {
              // Every lazy page needs the page providers' libraries; as one file they cost one request
              // on a slow phone network instead of seven small ones (issue 17's Lighthouse pages).
              name: "page-libs",
              test: /node_modules[\\/](@tanstack|i18next|react-i18next|html-parse-stringify|void-elements)[\\/]/,
              includeDependenciesRecursively: false,
              priority: 10,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: { "/api": "http://localhost:3000", "/livez": "http://localhost:3000", "/readyz": "http://localhost:3000" },
  },
});
