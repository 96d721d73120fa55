// The profile statements worded the other way round (agreeing means less of the area), so a spec
// can answer for the profile it wants: one list for every spec. Kept apart from core on purpose:
// the specs drive the app as a person would, from the statements' ids.
export const reverseWorded: ReadonlySet<string> = new Set([
  "close-4",
  "support-give-3",
  "support-receive-3",
  "accept-4",
  "accept-6",
  "voice-2",
  "voice-4",
  "self-4",
  "ties-3",
  "rely-4",
  "safe-4",
]);
