// Zod compiles a fast parser for each object schema with `new Function`, and probes once
// whether it may. Under our CSP (script-src 'self', no 'unsafe-eval') the probe fails, and
// the browser reports a violation even though Zod catches it. Jitless mode skips both the
// probe and the compiler. It must be set before any schema is built: main.tsx imports this
// first. Zod keeps its settings on this global (so that copies of it share them); setting it
// here rather than through z.config() keeps Zod out of the first-load bundle.
const holder = globalThis as { __zod_globalConfig?: Record<string, unknown> };
holder.__zod_globalConfig ??= {};
holder.__zod_globalConfig.jitless = true;

export {};
