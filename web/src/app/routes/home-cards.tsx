import { useState } from "react";
import { useIsFetching } from "@tanstack/react-query";
import { JourneyCard, useJourney } from "../../features/profile/components/journey-card";
import { CheckInCard } from "../../features/check-in/components/check-in-card";
import { readBrowserTimeZone, useCurrentCheckIn } from "../../lib/api/check-in-api";
import { NextReminderCard, PulseCard, RequestsCard, SuggestedPracticeCard } from "../../features/progress/components/progress-cards";
import { useOpenRequests } from "../../features/progress/api/requests-api";
import { useExercises } from "../../lib/api/exercises-api";
import { useReminders } from "../../lib/api/reminders-api";
import { useCheckInHistory } from "../../lib/api/trends-api";

/**
 * The signed-in home page's cards. Loaded on demand (see home.tsx) so a first-time visitor's
 * browser never downloads the profile and check-in code and text.
 *
 * The journey card takes up to three requests in turn to reach its final size; the check-in card
 * below it one. Shown at once, the check-in card would be pushed down as the journey card grew
 * (a layout shift Lighthouse measured at 0.1), so it waits for the journey card, while its own
 * request runs beside the journey's.
 */
export function HomeCards() {
  const journey = useJourney();
  const timeZone = readBrowserTimeZone();
  useCurrentCheckIn(timeZone);
  // The other cards' first requests start now too, beside the journey's, so all answers arrive
  // together and "settled" below cannot come before a card below the journey has asked.
  useCheckInHistory();
  useOpenRequests();
  useReminders(timeZone);
  useExercises();
  const settled = useFirstLoadSettled(!journey.isPending);
  return (
    <>
      {/* The footer waits while a card may still appear (styles.css hides it beside .loading). */}
      {!settled && <span className="loading" aria-hidden="true" />}
      <JourneyCard />
      {!journey.isPending && (
        <>
          <RequestsCard />
          <CheckInCard />
          <PulseCard />
          <NextReminderCard />
          <SuggestedPracticeCard />
        </>
      )}
    </>
  );
}

/**
 * True once the journey is known and every card's first request has answered. The cards below the
 * journey appear only when their answers arrive; with the footer already on screen each one pushed it
 * down (Lighthouse: CLS 0.073 on the footer). Latched, so a later refetch never hides the footer again.
 */
function useFirstLoadSettled(journeyKnown: boolean): boolean {
  const fetching = useIsFetching();
  const [settled, setSettled] = useState(false);
  // Adjusting state while rendering (React's pattern for state that follows other values).
  if (!settled && journeyKnown && fetching === 0) setSettled(true);
  return settled;
}
