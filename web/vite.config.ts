import react from "@vitejs/plugin-react";
import { defaultClientConditions, defineConfig } from "vite";

// The SPA, built into web/dist and served by the Fastify server in production.
// "source" resolves @mutual/core to its TypeScript sources (no separate build step).
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
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
