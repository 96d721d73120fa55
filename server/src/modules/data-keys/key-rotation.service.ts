import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { unwrapDataKey, wrapDataKey, type Keyring } from "../../platform/crypto.js";
import { countDataKeysByKeyId, listDataKeysNotWrappedBy, replaceWrappedDataKey } from "./data-keys.repository.js";

export type RewrapProgress = { rewrapped: number; skipped: number };
export type RewrapResult = RewrapProgress & {
  /** Data keys per key id once done: only the current id should remain. */
  remaining: Map<string, number>;
  /** Keys of the keyring that wrap nothing any more: retired. */
  retired: string[];
};

/**
 * Rewraps every data key that the current key-encryption key does not wrap yet (decision 028).
 * Safe while servers run, as long as each holds both keys (the current and the one being
 * rotated out): each row changes in its own small transaction, only if it is still what was
 * read, and a reader sees either wrapping, which its keyring opens. Resumable: run it again and
 * it continues with what is left. Texts are never re-encrypted: the data keys stay the same.
 */
export async function rewrapDataKeys(
  db: Kysely<DB>,
  keyring: Keyring,
  options: { pageSize?: number; onPage?: (progress: RewrapProgress) => void } = {},
): Promise<RewrapResult> {
  const pageSize = options.pageSize ?? 500;
  const progress: RewrapProgress = { rewrapped: 0, skipped: 0 };
  let after = "";
  for (;;) {
    const page = await listDataKeysNotWrappedBy(db, keyring.current.id, after, pageSize);
    if (page.length === 0) break;
    await db.transaction().execute(async (trx) => {
      for (const row of page) {
        const kek = keyring.byId(row.keyId);
        if (!kek) throw new Error(`A data key is wrapped by key "${row.keyId}", which is not in this keyring: add it to the previous keys and run again.`);
        const wrapped = wrapDataKey(keyring.current, unwrapDataKey(kek, row.wrappedKey, row.userId), row.userId);
        if (await replaceWrappedDataKey(trx, row, { keyId: keyring.current.id, wrappedKey: wrapped })) progress.rewrapped += 1;
        else progress.skipped += 1;
      }
    });
    after = page[page.length - 1]?.userId ?? after;
    options.onPage?.({ ...progress });
  }
  const remaining = await countDataKeysByKeyId(db);
  return { ...progress, remaining, retired: keyring.ids.filter((id) => id !== keyring.current.id && !remaining.has(id)) };
}
