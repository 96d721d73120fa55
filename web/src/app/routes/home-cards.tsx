import { JourneyCard } from "../../features/profile/components/journey-card";
import { CheckInCard } from "../../features/check-in/components/check-in-card";

/**
 * The signed-in home page's cards. Loaded on demand (see home.tsx) so a first-time visitor's
 * browser never downloads the profile and check-in code and text.
 */
export function HomeCards() {
  return (
    <>
      <JourneyCard />
      {/* Slot for the weekly check-in card (W2). */}
      <CheckInCard />
    </>
  );
}
