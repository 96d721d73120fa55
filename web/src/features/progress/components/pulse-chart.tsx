import { useTranslation } from "react-i18next";
import { fillWeeks, formatWeekStart, weekStartMs } from "../../../components/trends/weeks";

export type PulsePoint = { week: string; wePulse: number | null; mePulse: number | null };

const width = 280;
const height = 96;
const pad = 8;

/** A line through one pulse's answers (1–7), skipping weeks it was not answered. */
function pathOf(points: readonly PulsePoint[], pick: (point: PulsePoint) => number | null): string {
  const step = points.length > 1 ? (width - 2 * pad) / (points.length - 1) : 0;
  let path = "";
  let isDrawing = false;
  points.forEach((point, index) => {
    const value = pick(point);
    if (value === null) {
      isDrawing = false;
      return;
    }
    const x = pad + index * step;
    const y = height - pad - ((value - 1) / 6) * (height - 2 * pad);
    path += `${isDrawing ? "L" : "M"}${x.toFixed(1)} ${y.toFixed(1)} `;
    isDrawing = true;
  });
  return path.trim();
}

/** The last weeks of the We and Me pulse as a small chart, with the same numbers as a table for anyone who cannot see it. */
export function PulseChart({ points }: { points: readonly PulsePoint[] }) {
  const { t, i18n } = useTranslation();
  const byWeek = new Map(points.map((point) => [point.week, point]));
  // Every calendar week between the first and last shown, so a skipped week shows as a gap.
  const weeks = fillWeeks(points.map((point) => point.week));
  const shown = weeks.map((startMs) => points.find((point) => weekStartMs(point.week) === startMs) ?? { week: "", wePulse: null, mePulse: null });
  return (
    <figure className="pulse-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t("progress.pulseChartLabel", { count: byWeek.size })} className="pulse-chart__svg">
        <path d={pathOf(shown, (point) => point.wePulse)} className="pulse-chart__we" fill="none" />
        <path d={pathOf(shown, (point) => point.mePulse)} className="pulse-chart__me" fill="none" />
      </svg>
      <figcaption className="pulse-chart__legend">
        <span className="pulse-chart__key pulse-chart__key--we">{t("progress.we")}</span>{" "}
        <span className="pulse-chart__key pulse-chart__key--me">{t("progress.me")}</span>
      </figcaption>
      <details>
        <summary>{t("progress.pulseTable")}</summary>
        <table className="table">
          <caption className="muted">{t("progress.scale")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("progress.week")}</th>
              <th scope="col">{t("progress.we")}</th>
              <th scope="col">{t("progress.me")}</th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((startMs) => {
              const point = shown[weeks.indexOf(startMs)];
              return (
                <tr key={startMs}>
                  <th scope="row">{formatWeekStart(startMs, i18n.language)}</th>
                  <td>{point?.wePulse ?? t("progress.skipped")}</td>
                  <td>{point?.mePulse ?? t("progress.skipped")}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
