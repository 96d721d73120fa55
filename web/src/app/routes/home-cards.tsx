import { useState, type ReactNode } from "react";
import { useIsFetching } from "@tanstack/react-query";
import { JourneyCard, useJourney } from "../../features/profile/components/journey-card";
import { CheckInCard } from "../../features/check-in/components/check-in-card";
import { NextReminderCard, PulseCard, RequestsCard, SuggestedPracticeCard } from "../../features/progress/components/progress-cards";

/**
 * The signed-in home page's cards. Loaded on demand (see home.tsx) so a first-time visitor's
 * browser never downloads the profile and check-in code and text.
 *
 * The journey card takes up to three requests in turn to reach its final size. The cards below it
 * mount at once, so their requests run beside the journey's, but stay hidden until every first
 * answer is in and then appear together: one at a time, each pushed the next (and the footer) down,
 * a layout shift Lighthouse measured at 0.1. Mounting them at once, rather than asking for their
 * answers in advance and mounting them later, also asks each question once instead of twice.
 */
export function HomeCards() {
  const journey = useJourney();
  return (
    <>
      <JourneyCard />
      <RevealTogether journeyKnown={!journey.isPending}>
        <RequestsCard />
        <CheckInCard />
        <PulseCard />
        <NextReminderCard />
        <SuggestedPracticeCard />
      </RevealTogether>
    </>
  );
}

/**
 * Holds its cards hidden, and the footer back (styles.css hides it beside .loading), until the first
 * answers are in. It alone follows every request's progress: its children are the same elements each
 * time, so its re-renders do not re-render the cards.
 */
function RevealTogether({ journeyKnown, children }: { journeyKnown: boolean; children: ReactNode }) {
  const settled = useFirstLoadSettled(journeyKnown);
  return (
    <>
      {!settled && <span className="loading" aria-hidden="true" />}
      <div className="reveal-together" hidden={!settled}>
        {children}
      </div>
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
