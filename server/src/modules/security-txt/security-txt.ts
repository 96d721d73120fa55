/** Days from each answer to its Expires: well under RFC 9116's "less than a year", so a cached copy goes stale in time. */
export const expiresAfterDays = 180;

export type SecurityTxtOptions = {
  contacts: readonly string[];
  /** The deployment's address, without a trailing slash. */
  publicUrl: string;
  /** Where the policy is served, or null when this deployment has none to serve. */
  policyPath: string | null;
  now: Date;
};

/**
 * The deployment's security.txt (RFC 9116): who to tell, in which language, until when this
 * file holds, where it lives, and the project's policy for reports.
 */
export function securityTxt(options: SecurityTxtOptions): string {
  const expires = new Date(options.now.getTime() + expiresAfterDays * 24 * 60 * 60 * 1000);
  expires.setUTCMilliseconds(0);
  const lines = [
    ...options.contacts.map((contact) => `Contact: ${contact}`),
    `Expires: ${expires.toISOString().replace(".000Z", "Z")}`,
    "Preferred-Languages: en",
    `Canonical: ${options.publicUrl}/.well-known/security.txt`,
  ];
  if (options.policyPath !== null) lines.push(`Policy: ${options.publicUrl}${options.policyPath}`);
  return `${lines.join("\n")}\n`;
}
