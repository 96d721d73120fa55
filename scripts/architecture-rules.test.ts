import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// Each rule of docs/architecture.md's "Dependency rules" has a probe here: a file that breaks it,
// linted as if it stood at that place in the tree. The lint must refuse every probe, with the
// rule's own words, however the import is spelt (issue 20). A probe that passes means a rule that
// no longer holds.

const root = path.resolve(import.meta.dirname, "..");
const eslint = new ESLint({ cwd: root });

async function problemsOf(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((message) => message.message);
}

const probes: Array<{ rule: string; file: string; code: string; says: RegExp }> = [
  {
    rule: "a module reaches another only through its index.ts (a sibling's relative path)",
    file: "server/src/modules/practice/probe.service.ts",
    code: 'import { createInvite } from "../couple/couple.service.js";\nexport const probe = createInvite;\n',
    says: /Modules talk to each other through their index\.ts/,
  },
  {
    rule: "a module reaches another only through its index.ts (the same file spelt from higher up)",
    file: "server/src/modules/practice/probe.ts",
    code: 'import { createInvite } from "../../modules/couple/couple.service.js";\nexport const probe = createInvite;\n',
    says: /Modules talk to each other through their index\.ts/,
  },
  {
    rule: "a module's test reaches another module only through its index.ts",
    file: "server/src/modules/practice/probe.int.test.ts",
    code: 'import { listScoreRowsOf } from "../assessment/assessment.repository.js";\nexport const probe = listScoreRowsOf;\n',
    says: /Modules talk to each other through their index\.ts/,
  },
  {
    rule: "core imports nothing outside core (a relative path into the server)",
    file: "core/src/model/probe.ts",
    code: 'import { loadConfig } from "../../../server/src/config.js";\nexport const probe = loadConfig;\n',
    says: /core is pure/,
  },
  {
    rule: "core imports nothing but zod (a package)",
    file: "core/src/model/probe.ts",
    code: 'import { Kysely } from "kysely";\nexport const probe = Kysely;\n',
    says: /core is pure/,
  },
  {
    rule: "the web app never imports the server",
    file: "web/src/features/profile/probe.ts",
    code: 'import { loadConfig } from "../../../../server/src/config.js";\nexport const probe = loadConfig;\n',
    says: /never imports the server/,
  },
  {
    rule: "migrations import no application code (core)",
    file: "server/src/db/migrations/20990101T0000_probe.ts",
    code: 'import { SCORE_KEYS } from "@mutual/core";\nexport const probe = SCORE_KEYS;\n',
    says: /Migrations are frozen in time/,
  },
  {
    rule: "migrations import no application code (a module)",
    file: "server/src/db/migrations/20990101T0000_probe.ts",
    code: 'import { rebuildAllScoreRows } from "../../modules/assessment/index.js";\nexport const probe = rebuildAllScoreRows;\n',
    says: /Migrations are frozen in time/,
  },
  {
    rule: "process.env is read only in config.ts",
    file: "server/src/db/probe.ts",
    code: "export const probe = process.env.DATABASE_URL;\n",
    says: /Read settings in server\/src\/config\.ts/,
  },
  {
    rule: "a policy touches no database",
    file: "server/src/modules/couple/probe.policy.ts",
    code: 'import { sql } from "kysely";\nexport const probe = sql;\n',
    says: /A policy decides from what it is given/,
  },
  {
    rule: "a policy touches no network or file",
    file: "server/src/modules/couple/probe.policy.ts",
    code: 'import fs from "node:fs";\nexport const probe = fs;\n',
    says: /A policy decides from what it is given/,
  },
  {
    rule: "a policy reaches no database module by path",
    file: "server/src/modules/couple/probe.policy.ts",
    code: 'import { openDatabase } from "../../db/database.js";\nexport const probe = openDatabase;\n',
    says: /A policy decides from what it is given/,
  },
  {
    rule: "no SQL in a route",
    file: "server/src/modules/couple/probe.routes.ts",
    code: 'import { sql } from "kysely";\nexport const probe = sql;\n',
    says: /no SQL in a route/,
  },
  {
    rule: "routes never touch repositories",
    file: "server/src/modules/couple/probe.routes.ts",
    code: 'import { findPendingInvite } from "./couple.repository.js";\nexport const probe = findPendingInvite;\n',
    says: /Routes call services/,
  },
  {
    rule: "only server/src/auth imports Better Auth",
    file: "server/src/modules/couple/probe.service.ts",
    code: 'import { betterAuth } from "better-auth";\nexport const probe = betterAuth;\n',
    says: /Only server\/src\/auth imports better-auth/,
  },
  {
    rule: "SQLite is loaded only through the driver module",
    file: "scripts/operations/probe.ts",
    code: 'import Database from "better-sqlite3";\nexport const probe = new Database(":memory:");\n',
    says: /Load SQLite through server\/src\/db\/sqlite-driver\.ts/,
  },
  {
    rule: "only routes speak HTTP (a service reaching into http/)",
    file: "server/src/modules/couple/probe.service.ts",
    code: 'import { actorOf } from "../../http/route-access.js";\nexport const probe = actorOf;\n',
    says: /Only routes speak HTTP/,
  },
  {
    rule: "only routes speak HTTP (a policy reaching into http/)",
    file: "server/src/modules/couple/probe.policy.ts",
    code: 'import { sendStorageOutage } from "../../http/error-handler.js";\nexport const probe = sendStorageOutage;\n',
    says: /Only routes speak HTTP/,
  },
  {
    rule: "a web feature never imports another feature (a sibling's relative path)",
    file: "web/src/features/couple/components/probe.tsx",
    code: 'import { ProfileFlags } from "../../profile/components/profile-flags";\nexport const probe = ProfileFlags;\n',
    says: /A web feature imports only components\/, lib\/ and its own files/,
  },
  {
    rule: "a web feature never imports another feature (spelt from the top of the app)",
    file: "web/src/features/couple/probe.ts",
    code: 'import { TrendsPanel } from "../../features/trends/components/trends-panel";\nexport const probe = TrendsPanel;\n',
    says: /A web feature imports only components\/, lib\/ and its own files/,
  },
  {
    rule: "a web feature never imports app/ (outside its tests)",
    file: "web/src/features/auth/components/probe.tsx",
    code: 'import { router } from "../../../app/router";\nexport const probe = router;\n',
    says: /app\/ composes the features/,
  },
  {
    rule: "shared components import no feature",
    file: "web/src/components/probe.tsx",
    code: 'import { ProfileFlags } from "../features/profile/components/profile-flags";\nexport const probe = ProfileFlags;\n',
    says: /components\/ and lib\/ are shared by every feature/,
  },
  {
    rule: "lib imports nothing from app/",
    file: "web/src/lib/api/probe.ts",
    code: 'import { safeNextPath } from "../../app/routes/consent";\nexport const probe = safeNextPath;\n',
    says: /components\/ and lib\/ are shared by every feature/,
  },
];

describe("the architecture's dependency rules", () => {
  it.each(probes)("refuse a probe: $rule", async ({ file, code, says }) => {
    const problems = await problemsOf(file, code);
    expect(
      problems.some((problem) => says.test(problem)),
      `lint said: ${JSON.stringify(problems)}`,
    ).toBe(true);
  });

  it("let the same imports through where the rules allow them", async () => {
    expect(
      await problemsOf("server/src/modules/practice/probe.ts", 'import { coupleRoutes } from "../couple/index.js";\nexport const probe = coupleRoutes;\n'),
    ).toEqual([]);
    expect(await problemsOf("server/src/modules/couple/probe.service.ts", 'import { sql } from "kysely";\nexport const probe = sql;\n')).toEqual([]);
    expect(await problemsOf("server/src/config.probe.ts", "export const probe = 1;\n")).toEqual([]);
    expect(
      await problemsOf(
        "server/src/modules/couple/probe.service.ts",
        'import type { Actor } from "../../domain/actor.js";\nimport { DomainError } from "../../domain/errors.js";\nexport const probe = (actor: Actor) => new DomainError(403, "NO", actor.name);\n',
      ),
    ).toEqual([]);
    expect(
      await problemsOf(
        "web/src/features/couple/components/probe.tsx",
        'import { WhoCanSee } from "../../../components/sharing/who-can-see";\nimport { useMe } from "../../../lib/api/auth-api";\nexport const probe = [WhoCanSee, useMe];\n',
      ),
    ).toEqual([]);
    expect(
      await problemsOf(
        "web/src/features/couple/components/probe.test.tsx",
        'import { ProfileRoute } from "../../../app/routes/profile";\nexport const probe = ProfileRoute;\n',
      ),
    ).toEqual([]);
  });
});
