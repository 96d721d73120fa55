// A person's own settings for how Mutual behaves on their devices (decision 037).
import { z } from "zod";

/** GET /api/preferences and the answer to PUT. */
export const preferencesSchema = z.object({
  /**
   * Quick exit also signs this device out (ends the session of the browser where it is used), so
   * whoever picks the device up next finds no one signed in. On unless the person turns it off.
   */
  quickExitEndsSession: z.boolean(),
});
export type Preferences = z.infer<typeof preferencesSchema>;

/** PUT /api/preferences: the whole set. */
export const putPreferencesBodySchema = preferencesSchema.strict();
export type PutPreferencesBody = z.infer<typeof putPreferencesBodySchema>;

/** What a person who never changed anything gets: the safer choice. */
export const DEFAULT_PREFERENCES: Preferences = { quickExitEndsSession: true };
