import type { Kysely } from "kysely";
import { dialectOf } from "./dialect-of.js";

// The earlier confirmation (20261124T2200) took an account as an earlier one only when it was
// made before the emailed link was required or ever had a session. An account made by an older
// commit whose sessions had all expired was left unconfirmed: its right password answered 401,
// and the retention sweep deleted it with everything in it (issue 14). An account that holds
// anything a person made by using it was signed in to, so its address was in effect confirmed:
// each is marked confirmed here. An unfinished sign-up holds nothing of these (it was never
// signed in), so no address is handed to someone who merely started a sign-up with it.
//
// The tables are written out as they stood when this migration was made (frozen in time).
const contentReferences: ReadonlyArray<readonly [table: string, column: string]> = [
  ["consent", "user_id"],
  ["assessment", "user_id"],
  ["check_in", "user_id"],
  ["exercise_completion", "user_id"],
  ["data_key", "user_id"],
  ["partner_invite", "inviter_id"],
  ["couple_member", "user_id"],
  ["partner_share", "owner_id"],
  ["member", "userId"],
  ["invitation", "inviterId"],
  ["twoFactor", "userId"],
  ["practice_client", "counsellor_id"],
  ["practice_client_member", "user_id"],
  ["client_invite", "counsellor_id"],
];

export async function up(db: Kysely<any>): Promise<void> {
  // SQLite keeps booleans as 0/1; PostgreSQL as booleans.
  const [no, yes] = (await dialectOf(db)) === "postgres" ? [false, true] : [0, 1];
  await db
    .updateTable("user")
    .set({ emailVerified: yes })
    .where("emailVerified", "=", no)
    .where(({ or, exists, selectFrom }) =>
      or(contentReferences.map(([table, column]) => exists(selectFrom(table).select(db.dynamic.ref(column)).whereRef(db.dynamic.ref(`${table}.${column}`), "=", "user.id")))),
    )
    .execute();
}

// Which addresses were confirmed here rather than by a person is not kept: nothing to undo.
export async function down(): Promise<void> {}
