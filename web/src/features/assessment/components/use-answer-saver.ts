import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";
import { currentAssessmentQueryKey, saveAnswer, type CurrentAssessment } from "../../../lib/api/assessment-api";

export type SaveStatus = "saving" | "saved" | "error";

/**
 * Keeps every choice locally and saves it at once. One request per item is in flight at a
 * time; a newer choice made meanwhile is sent when it returns, so the server ends with the
 * last choice. A failed save keeps the choice and is marked for a retry: nothing is lost.
 */
export function useAnswerSaver(assessmentId: string, initialAnswers: Readonly<Record<string, number>>) {
  const queryClient = useQueryClient();
  const [answers, setAnswers] = useState<Record<string, number>>(() => ({ ...initialAnswers }));
  const [statuses, setStatuses] = useState<Record<string, SaveStatus>>({});
  const wanted = useRef<Record<string, number>>({});
  const inFlight = useRef(new Set<string>());

  const setStatus = useCallback((itemId: string, status: SaveStatus) => setStatuses((current) => ({ ...current, [itemId]: status })), []);

  const persist = useCallback(
    async (itemId: string): Promise<boolean> => {
      if (inFlight.current.has(itemId)) return true;
      inFlight.current.add(itemId);
      setStatus(itemId, "saving");
      try {
        for (;;) {
          const value = wanted.current[itemId];
          if (value === undefined) return true;
          await saveAnswer(assessmentId, itemId, value);
          // Keep the cache in step, so leaving and coming back resumes from what is saved.
          queryClient.setQueryData<CurrentAssessment>(currentAssessmentQueryKey, (current) =>
            current?.inProgress?.id === assessmentId
              ? { ...current, inProgress: { ...current.inProgress, answers: { ...current.inProgress.answers, [itemId]: value } } }
              : current,
          );
          if (wanted.current[itemId] === value) {
            setStatus(itemId, "saved");
            return true;
          }
        }
      } catch {
        setStatus(itemId, "error");
        return false;
      } finally {
        inFlight.current.delete(itemId);
      }
    },
    [assessmentId, queryClient, setStatus],
  );

  const choose = useCallback(
    (itemId: string, value: number) => {
      wanted.current[itemId] = value;
      setAnswers((current) => ({ ...current, [itemId]: value }));
      void persist(itemId);
    },
    [persist],
  );

  /** Tries every failed save again; true when all of them are saved. */
  const retryFailed = useCallback(async () => {
    const failed = Object.entries(statuses)
      .filter(([, status]) => status === "error")
      .map(([itemId]) => itemId);
    const results = await Promise.all(failed.map((itemId) => persist(itemId)));
    return results.every(Boolean);
  }, [persist, statuses]);

  const unsavedIds = Object.entries(statuses)
    .filter(([, status]) => status === "error")
    .map(([itemId]) => itemId);

  return { answers, statuses, choose, retry: persist, retryFailed, unsavedIds };
}
