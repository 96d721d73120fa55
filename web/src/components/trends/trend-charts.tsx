import { useMemo } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import type { CheckInWeek, ScoredCheckInAnswers, TrendSignalView } from "@mutual/core";
import { TrendChart } from "./trend-chart";
import type { ChartSeries } from "./uplot-draw";
import { fillWeeks, formatWeekStart, weekStartMs } from "./weeks";
import { intlLocale } from "../../lib/language";

export type Metric = keyof ScoredCheckInAnswers;
export type ChartKey = "pulse" | "speakUp" | "support" | "ties";
/** One week's scored answers: the person's own history, or a partner's shared one. */
export type WeekAnswers = Pick<CheckInWeek, "week" | "answers">;

/** Words that differ when the charts show someone else's weeks (a partner's). */
export type TrendWording = { description?: (key: ChartKey) => string; series?: (metric: Metric) => string };

type ChartSpec = {
  key: ChartKey;
  metrics: readonly [Metric, Metric] | readonly [Metric];
  yRange: [number, number];
  max: number | null;
};

const CHARTS: readonly ChartSpec[] = [
  { key: "pulse", metrics: ["wePulse", "mePulse"], yRange: [1, 7], max: 7 },
  { key: "speakUp", metrics: ["spokeUp", "feltHeard"], yRange: [0, 4], max: 4 },
  { key: "support", metrics: ["backedPartner", "feltBacked"], yRange: [0, 4], max: 4 },
  { key: "ties", metrics: ["friendsFamilyHours"], yRange: [0, 20], max: null },
];

// The same colours as the We (teal) and Me (terracotta) tokens in styles.css; the second line
// is also dashed, so the two never rely on colour alone.
const COLOURS = ["#1f5f5a", "#9a4a24"] as const;

/** Charts appear from this many check-ins on; before that a line says little. */
export const MIN_WEEKS_FOR_CHARTS = 3;

/** The signals that have words of their own beside the server's explanation. */
export type SignalWithMeaning = "social-withdrawal" | "sustained-decline";

function hasMeaning(signalId: string): signalId is SignalWithMeaning {
  return signalId === "social-withdrawal" || signalId === "sustained-decline";
}

/** Words around the signals: the person's own (default), or a partner's view of someone else's weeks. */
export type SignalWording = { intro: string; none: string; meaning: (id: SignalWithMeaning) => string };

/** Trend signals, each with what it means, the server's explanation and the practice that may help. */
export function Signals({ signals, wording }: { signals: TrendSignalView[]; wording?: SignalWording }) {
  const { t } = useTranslation();
  const words: SignalWording = wording ?? { intro: t("trends.signalsIntro"), none: t("trends.noSignals"), meaning: (id) => t(`trends.signalMeaning.${id}`) };
  if (signals.length === 0) return <p className="muted">{words.none}</p>;
  return (
    <section aria-labelledby="trend-signals" className="card trend-signals">
      <h2 id="trend-signals">{t("trends.signalsTitle")}</h2>
      <p>{words.intro}</p>
      <ul className="trend-signals__list">
        {signals.map((signal) => {
          return (
            <li key={signal.id}>
              <h3>{signal.title}</h3>
              {hasMeaning(signal.id) && <p>{words.meaning(signal.id)}</p>}
              <p>{signal.explanation}</p>
              <p>
                <Link to={`/practices#practice-${signal.practice}`}>
                  {t("trends.signalPractice", { practice: t(`practices.practice.${signal.practice}.title`) })}
                </Link>
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** One decimal at most; the formatter is built once per language (building one is the costly part). */
export function formatNumber(value: number, language: string): string {
  let format = numberFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale(language), { maximumFractionDigits: 1 });
    numberFormats.set(language, format);
  }
  return format.format(value);
}

/** Everything the trends page shows, worked out once per load of the check-in history. */
function useChartData(weeks: readonly WeekAnswers[], seriesLabel?: (metric: Metric) => string) {
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    const language = i18n.language;
    const label = (metric: Metric) => seriesLabel?.(metric) ?? t(`trends.series.${metric}`);
    const answered = weeks
      .map((week) => ({ ...week, start: weekStartMs(week.week) }))
      .filter((week): week is WeekAnswers & { start: number } => week.start !== null)
      .sort((a, b) => a.start - b.start);
    const xs = fillWeeks(answered.map((week) => week.week));
    const byStart = new Map(answered.map((week) => [week.start, week]));
    return CHARTS.map((spec) => {
      const format = (value: number | null) =>
        value === null
          ? t("trends.notAnswered")
          : spec.max === null
            ? t("trends.hoursValue", { value: formatNumber(value, language) })
            : t("trends.ofMax", { value: formatNumber(value, language), max: spec.max });
      const series: ChartSeries[] = spec.metrics.map((metric, index) => ({
        label: label(metric),
        color: COLOURS[index] ?? COLOURS[0],
        dashed: index === 1,
        values: xs.map((start) => byStart.get(start)?.answers[metric] ?? null),
      }));
      const summary = spec.metrics
        .map((metric) => {
          const name = label(metric);
          const points = answered.filter((week) => week.answers[metric] !== null);
          const first = points[0];
          const last = points.at(-1);
          if (!first || !last) return t("trends.summaryNone", { name });
          const lastDate = formatWeekStart(last.start, language);
          if (first === last) return t("trends.summaryOne", { name, last: format(last.answers[metric]), lastDate });
          return t("trends.summaryChange", {
            name,
            first: format(first.answers[metric]),
            firstDate: formatWeekStart(first.start, language),
            last: format(last.answers[metric]),
            lastDate,
          });
        })
        .join(" ");
      const maxHours = Math.max(0, ...answered.map((week) => week.answers.friendsFamilyHours ?? 0));
      const yRange: [number, number] = spec.max === null ? [0, Math.max(10, Math.ceil(maxHours / 5) * 5)] : spec.yRange;
      // Worked out when the table is built (after the page shows), not with the rest.
      const rows = () =>
        answered.map((week) => ({ weekKey: week.week, weekStart: week.start, cells: spec.metrics.map((metric) => format(week.answers[metric])) }));
      return { spec, series, summary, yRange, rows, xs };
    });
  }, [weeks, t, i18n.language, seriesLabel]);
}

/** One chart and table per theme; charts are drawn from a few weeks on, tables always. */
export function TrendCharts({ weeks, wording }: { weeks: readonly WeekAnswers[]; wording?: TrendWording }) {
  const { t } = useTranslation();
  const charts = useChartData(weeks, wording?.series);
  const showCharts = weeks.length >= MIN_WEEKS_FOR_CHARTS;
  return (
    <>
      {charts.map(({ spec, series, summary, yRange, rows, xs }) => (
        <TrendChart
          key={spec.key}
          title={t(`trends.charts.${spec.key}.title`)}
          description={wording?.description?.(spec.key) ?? t(`trends.charts.${spec.key}.description`)}
          summary={summary}
          xs={xs}
          series={series}
          yRange={yRange}
          rows={rows}
          showChart={showCharts}
        />
      ))}
    </>
  );
}
