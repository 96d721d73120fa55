import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CheckInAnswers, CurrentCheckInResponse } from "@mutual/core";
import { requestJson } from "../api-client";

// This week's check-in. The week is counted in the browser's own time zone, so a
// Sunday-night entry belongs to the week the person is living in.

export const checkInQueryKeys = {
  all: ["check-ins"] as const,
  current: (timeZone: string) => ["check-ins", "current", timeZone] as const,
};

export { readBrowserTimeZone } from "../time-zone";

/** A random key that lets the server recognise a retried save (randomUUID needs a secure context). */
export function createIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

export function useCurrentCheckIn(timeZone: string) {
  return useQuery({
    queryKey: checkInQueryKeys.current(timeZone),
    queryFn: () => requestJson<CurrentCheckInResponse>(`/api/check-ins/current?timeZone=${encodeURIComponent(timeZone)}`),
    // Typing into the form must never be overwritten by a background refetch.
    refetchOnWindowFocus: false,
  });
}

export type SaveCheckInInput = { timeZone: string; answers: CheckInAnswers; idempotencyKey: string };

export function useSaveCheckIn() {
  const queryClient = useQueryClient();
  return useMutation({
    // Sent even when the browser says it is offline: TanStack Query would otherwise pause the save
    // and show "Saving…" for as long as there is no connection, where the form should keep the
    // answers on the device and say so (decision 049). A failed send is a NetworkError.
    networkMode: "always",
    mutationFn: ({ timeZone, answers, idempotencyKey }: SaveCheckInInput) =>
      requestJson<CurrentCheckInResponse>("/api/check-ins/current", {
        method: "PUT",
        body: { timeZone, answers },
        headers: { "Idempotency-Key": idempotencyKey },
      }),
    onSuccess: async (saved, { timeZone }) => {
      queryClient.setQueryData(checkInQueryKeys.current(timeZone), saved);
      await queryClient.invalidateQueries({ queryKey: checkInQueryKeys.all, refetchType: "none" });
    },
  });
}
