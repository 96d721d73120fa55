import type { TFunction } from "i18next";
import { pulseDirection } from "@mutual/core/pulse";
import type { PulsePoint } from "./pulse-chart";

/**
 * One true sentence about the recent trend: the We pulse's direction, or the Me pulse's when only
 * that one moved. Worked out from the person's own answers (core's pulseDirection), never guessed.
 */
export function trendSentence(t: TFunction, points: readonly PulsePoint[]): string {
  const we = pulseDirection(points.map((point) => point.wePulse));
  const me = pulseDirection(points.map((point) => point.mePulse));
  if (we === "too-few" && me === "too-few") return t("progress.trend.too-few");
  const useMe = we === "too-few" || (we === "steady" && (me === "rising" || me === "falling"));
  return t(`progress.trend.${useMe ? me : we}`, { pulse: t(useMe ? "progress.mePulseName" : "progress.wePulseName") });
}
