// PostgreSQL backups are PostgreSQL's own tools' work (decision 029): pg_dump of the schema
// Mutual runs in, in the custom format that pg_restore reads. This names the commands; the
// backup and restore commands run them when the tools are installed, or print them.
import { spawnSync } from "node:child_process";
import { withDefaultUser } from "../../server/src/db/database.js";

/** The schema the server runs in, from the URL's `options=-c search_path=…`, or public. */
export function schemaOfUrl(connectionString: string): string {
  const options = new URL(connectionString).searchParams.get("options") ?? "";
  const match = /(?:^|\s)-c\s*search_path=([^\s,]+)/.exec(options);
  return match?.[1]?.replace(/^"|"$/g, "") ?? "public";
}

export function dumpCommand(connectionString: string, file: string): string[] {
  return [
    "pg_dump",
    "--format=custom",
    "--no-owner",
    "--no-privileges",
    `--schema=${schemaOfUrl(connectionString)}`,
    `--file=${file}`,
    `--dbname=${withDefaultUser(connectionString)}`,
  ];
}

export function restoreCommand(connectionString: string, file: string): string[] {
  return ["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges", "--exit-on-error", `--dbname=${withDefaultUser(connectionString)}`, file];
}

/** The command as a person would type it, with the password in the URL hidden. */
export function shown(command: readonly string[]): string {
  return command
    .map((part) => part.replace(/(postgres(?:ql)?:\/\/[^:/@]+:)[^@]*@/, "$1***@"))
    .map((part) => (/\s/.test(part) ? `'${part}'` : part))
    .join(" ");
}

export function hasTool(name: string): boolean {
  return spawnSync(name, ["--version"], { stdio: "ignore" }).status === 0;
}

/** Runs a command, its output passed through (or dropped); throws with its status when it fails. */
export function run(command: readonly string[], output: "inherit" | "ignore" = "inherit"): void {
  const [program, ...args] = command;
  const result = spawnSync(program ?? "", args, { stdio: ["ignore", output, "inherit"] });
  if (result.status !== 0) throw new Error(`${program} failed (exit ${result.status ?? result.signal ?? "unknown"})`);
}
