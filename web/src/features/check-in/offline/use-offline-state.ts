import { useEffect, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { checkInQueryKeys } from "../../../lib/api/check-in-api";
import { offlineCheckInSentEvent } from "../../../lib/offline-check-ins";

export type OfflineState = "none" | "kept" | "sent";

/** Whether this form's answers wait on the device, or were sent when the connection came back (then this week's check-in is read again). */
export function useOfflineState(timeZone: string): [OfflineState, (state: OfflineState) => void] {
  const [state, setState] = useState<OfflineState>("none");
  const queryClient = useQueryClient();
  useEffect(() => {
    const onSent = () => {
      setState((current) => (current === "kept" ? "sent" : current));
      void queryClient.invalidateQueries({ queryKey: checkInQueryKeys.current(timeZone) });
    };
    window.addEventListener(offlineCheckInSentEvent, onSent);
    return () => window.removeEventListener(offlineCheckInSentEvent, onSent);
  }, [queryClient, timeZone]);
  return [state, setState];
}
