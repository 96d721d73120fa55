import fs from "node:fs";

// The data folder holds the database, the generated secrets and the email outbox: everything
// needed to read every person's data. Nobody but the server's own user may list or open it,
// whatever the umask of the shell that started it (a 0644 default makes the database
// world-readable on a shared host) or the modes a restore from backup left behind (decision 030).

/** Owner only: read, write and list. */
const privateDirectoryMode = 0o700;
/** Owner only: read and write. */
const privateFileMode = 0o600;

/** Creates the directory (and any missing parents) and makes it 0700, tightening one that exists. */
export function ensurePrivateDirectory(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: privateDirectoryMode });
  if ((fs.statSync(dir).mode & 0o777) !== privateDirectoryMode) fs.chmodSync(dir, privateDirectoryMode);
}

/** Makes a file 0600 if it exists; a file that is not there is left to whoever creates it. */
export function makeFilePrivate(file: string): void {
  let mode: number;
  try {
    mode = fs.statSync(file).mode & 0o777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  if (mode !== privateFileMode) fs.chmodSync(file, privateFileMode);
}

/** Creates an empty file 0600 unless it exists, then makes sure it is 0600. */
export function touchPrivateFile(file: string): void {
  fs.closeSync(fs.openSync(file, "a", privateFileMode));
  makeFilePrivate(file);
}
