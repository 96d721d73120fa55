import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ReminderSettings, ReminderState } from "@mutual/core";
import { requestJson } from "../api-client";

export type { ReminderSettings, ReminderState };

const remindersQueryKey = ["reminders"] as const;

/** The person's weekly reminder; a person who never chose gets the defaults (off) in this browser's zone. */
export function useReminders(timeZone: string) {
  return useQuery({ queryKey: remindersQueryKey, queryFn: () => requestJson<ReminderState>(`/api/reminders?timeZone=${encodeURIComponent(timeZone)}`) });
}

function useReminderChange<Input>(send: (input: Input) => Promise<ReminderState>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: (state) => queryClient.setQueryData(remindersQueryKey, state) });
}

export function useSaveReminders() {
  return useReminderChange((settings: ReminderSettings) => requestJson<ReminderState>("/api/reminders", { method: "PUT", body: settings }));
}

export function useSnoozeReminder() {
  return useReminderChange(() => requestJson<ReminderState>("/api/reminders/snooze", { method: "POST", body: {} }));
}
