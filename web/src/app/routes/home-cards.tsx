import { JourneyCard, useJourney } from "../../features/profile/components/journey-card";
import { CheckInCard } from "../../features/check-in/components/check-in-card";
import { readBrowserTimeZone, useCurrentCheckIn } from "../../lib/api/check-in-api";
import { NextReminderCard, PulseCard, RequestsCard, SuggestedPracticeCard } from "../../features/progress/components/progress-cards";

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
  useCurrentCheckIn(readBrowserTimeZone());
  return (
    <>
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
