import { type Kysely, sql } from "kysely";
import { dialectOf } from "./dialect-of.js";

// Better Auth's organization (practices, decision 014) and two-factor plugins, exactly as
// its schema generator emits them for each dialect (better-auth 1.7, teams off). Frozen
// here like T0100; the auth schema test checks the generator finds nothing left to create.

const sqliteStatements = [
  `alter table "user" add column "twoFactorEnabled" integer default 0`,
  `alter table "session" add column "activeOrganizationId" text`,
  `create table "organization" ("id" text not null primary key, "name" text not null, "slug" text not null unique, "logo" text, "createdAt" date not null, "metadata" text)`,
  `create table "member" ("id" text not null primary key, "organizationId" text not null references "organization" ("id") on delete cascade, "userId" text not null references "user" ("id") on delete cascade, "role" text not null, "createdAt" date not null)`,
  `create table "invitation" ("id" text not null primary key, "organizationId" text not null references "organization" ("id") on delete cascade, "email" text not null, "role" text, "status" text not null, "expiresAt" date not null, "createdAt" date not null, "inviterId" text not null references "user" ("id") on delete cascade)`,
  `create table "twoFactor" ("id" text not null primary key, "secret" text not null, "backupCodes" text not null, "userId" text not null references "user" ("id") on delete cascade, "verified" integer, "failedVerificationCount" integer, "lockedUntil" date)`,
];

const postgresStatements = [
  `alter table "user" add column "twoFactorEnabled" boolean default false`,
  `alter table "session" add column "activeOrganizationId" text`,
  `create table "organization" ("id" text not null primary key, "name" text not null, "slug" text not null unique, "logo" text, "createdAt" timestamptz not null, "metadata" text)`,
  `create table "member" ("id" text not null primary key, "organizationId" text not null references "organization" ("id") on delete cascade, "userId" text not null references "user" ("id") on delete cascade, "role" text not null, "createdAt" timestamptz not null)`,
  `create table "invitation" ("id" text not null primary key, "organizationId" text not null references "organization" ("id") on delete cascade, "email" text not null, "role" text, "status" text not null, "expiresAt" timestamptz not null, "createdAt" timestamptz default CURRENT_TIMESTAMP not null, "inviterId" text not null references "user" ("id") on delete cascade)`,
  `create table "twoFactor" ("id" text not null primary key, "secret" text not null, "backupCodes" text not null, "userId" text not null references "user" ("id") on delete cascade, "verified" boolean, "failedVerificationCount" integer, "lockedUntil" timestamptz)`,
];

const sharedIndexes = [
  `create index "member_organizationId_idx" on "member" ("organizationId")`,
  `create index "member_userId_idx" on "member" ("userId")`,
  `create index "invitation_organizationId_idx" on "invitation" ("organizationId")`,
  `create index "invitation_email_idx" on "invitation" ("email")`,
  `create index "twoFactor_secret_idx" on "twoFactor" ("secret")`,
  `create index "twoFactor_userId_idx" on "twoFactor" ("userId")`,
];

export async function up(db: Kysely<any>): Promise<void> {
  const statements = (await dialectOf(db)) === "postgres" ? postgresStatements : sqliteStatements;
  for (const statement of [...statements, ...sharedIndexes]) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["twoFactor", "invitation", "member", "organization"]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable("session").dropColumn("activeOrganizationId").execute();
  await db.schema.alterTable("user").dropColumn("twoFactorEnabled").execute();
}
