// React's API on Preact's runtime (decision 077): the app is written against React's API, and the
// build and the web tests alike resolve React's modules to preact/compat, which does the same work
// in a twentieth of the code. MUTUAL_REACT=1 builds and tests with React itself, to compare.
import type { Alias } from "vite";

export const preactAliases: Alias[] =
  process.env.MUTUAL_REACT === "1"
    ? []
    : [
        { find: /^react-dom\/client$/, replacement: "preact/compat/client" },
        { find: /^react-dom\/test-utils$/, replacement: "preact/test-utils" },
        { find: /^react-dom$/, replacement: "preact/compat" },
        { find: /^react\/jsx-runtime$/, replacement: "preact/jsx-runtime" },
        { find: /^react\/jsx-dev-runtime$/, replacement: "preact/jsx-dev-runtime" },
        { find: /^react$/, replacement: "preact/compat" },
        // react-i18next's fallback for Reacts before 18, a CommonJS module: Preact has the hook itself.
        { find: /^use-sync-external-store\/shim$/, replacement: "preact/compat" },
      ];
