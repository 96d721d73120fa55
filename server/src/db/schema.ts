import type { ColumnType } from "kysely";

// Row types of every table, as stored. Better Auth's tables keep its camelCase names;
// ours are snake_case. Dates differ by dialect (SQLite stores text), so Better Auth's
// date columns are typed loosely: only Better Auth reads them.

type AuthDate = ColumnType<Date | string, Date | string, Date | string>;

export type UserTable = {
  id: string;
  name: string;
  email: string;
  emailVerified: boolean | number;
  image: string | null;
  createdAt: AuthDate;
  updatedAt: AuthDate;
};

export type SessionTable = {
  id: string;
  expiresAt: AuthDate;
  token: string;
  createdAt: AuthDate;
  updatedAt: AuthDate;
  ipAddress: string | null;
  userAgent: string | null;
  userId: string;
};

export type AccountTable = {
  id: string;
  accountId: string;
  providerId: string;
  userId: string;
  accessToken: string | null;
  refreshToken: string | null;
  idToken: string | null;
  accessTokenExpiresAt: AuthDate | null;
  refreshTokenExpiresAt: AuthDate | null;
  scope: string | null;
  password: string | null;
  createdAt: AuthDate;
  updatedAt: AuthDate;
};

export type VerificationTable = {
  id: string;
  identifier: string;
  value: string;
  expiresAt: AuthDate;
  createdAt: AuthDate;
  updatedAt: AuthDate;
};

export type RateLimitTable = {
  id: string;
  key: string;
  count: number;
  lastRequest: ColumnType<number | string, number, number>;
};

export type SignInFailureTable = {
  id: string;
  account_key: string;
  client_key: string;
  /** Epoch milliseconds. PostgreSQL returns bigint as a string. */
  failed_at: ColumnType<number | string, number, number>;
};

export type DB = {
  user: UserTable;
  session: SessionTable;
  account: AccountTable;
  verification: VerificationTable;
  rateLimit: RateLimitTable;
  sign_in_failure: SignInFailureTable;
};

