/**
 * Who is asking: the signed-in person behind a request, as the modules see them. The HTTP edge
 * resolves it from the session (auth/actor-resolver.ts); services and policies take it as a value.
 */
export type Actor = {
  userId: string;
  sessionId: string;
  name: string;
  email: string;
  emailVerified: boolean;
  /** Two-step sign-in (TOTP) is on; read from the person's row on every request (decision 014). */
  twoFactorEnabled: boolean;
  createdAt: Date;
};
