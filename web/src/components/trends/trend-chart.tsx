import { startTransition, useEffect, useId, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { useTranslation } from "react-i18next";
import type { ChartSeries } from "./uplot-draw";
import { formatWeekStart } from "./weeks";
import { TableScroll } from "../table-scroll";
import { whenIdle, whenNearViewport } from "./when-needed";

export type TrendChartProps = {
  title: string;
  description: string;
  summary: string;
  /** All weeks from first to last (missed weeks included, as gaps). */
  xs: number[];
  series: ChartSeries[];
  yRange: [number, number];
  /** Weeks with a check-in, for the table: label and one cell per series (worked out when the table is built). */
  rows: () => Array<{ weekKey: string; weekStart: number; cells: string[] }>;
  showChart: boolean;
};

type ChartState = "loading" | "ready" | "failed";

/**
 * One trend: a heading, a plain summary, the uPlot chart (drawn once it nears the viewport) and the
 * same numbers as a table for anyone who cannot or prefers not to read the chart.
 */
export function TrendChart({ title, description, summary, xs, series, yRange, rows, showChart }: TrendChartProps) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const canvasHost = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<ChartState>("loading");
  // Beside a chart the table starts closed, so its rows are built just after the page shows (in
  // an idle moment, or at once when opened) rather than in the same long task as everything else.
  const [tableBuilt, setTableBuilt] = useState(!showChart);

  useEffect(() => {
    if (tableBuilt) return;
    return whenIdle(() => startTransition(() => setTableBuilt(true)));
  }, [tableBuilt]);

  useEffect(() => {
    const host = canvasHost.current;
    if (!showChart || !host) return;
    let cancelled = false;
    let cancelIdle: (() => void) | undefined;
    let handle: { setWidth: (width: number) => void; destroy: () => void } | undefined;
    let observer: ResizeObserver | undefined;
    const widthNow = () => Math.max(host.clientWidth, 280);
    // Drawn only when the chart is near the viewport, each chart in an idle task of its own, so
    // a page of charts never blocks input for long; the summary and table are there before.
    const stopWatching = whenNearViewport(host, () => {
      import("./uplot-draw")
        .then(({ drawChart }) => {
          if (cancelled) return;
          cancelIdle = whenIdle(() => {
            if (cancelled) return;
            try {
              let width = widthNow();
              // The "Drawing" line goes in the same frame as the chart comes, so nothing below it moves.
              flushSync(() => setState("ready"));
              handle = drawChart(host, { xs, series, yRange, width, language: i18n.language });
              if (typeof ResizeObserver === "function") {
                // The observer also reports the size it starts with: redraw only on a real change.
                observer = new ResizeObserver(() => {
                  const next = widthNow();
                  if (next === width) return;
                  width = next;
                  handle?.setWidth(next);
                });
                observer.observe(host);
              }
            } catch {
              setState("failed");
            }
          });
        })
        .catch(() => {
          if (!cancelled) setState("failed");
        });
    });
    return () => {
      cancelled = true;
      stopWatching();
      cancelIdle?.();
      observer?.disconnect();
      handle?.destroy();
    };
  }, [showChart, xs, series, yRange, i18n.language]);

  return (
    <section aria-labelledby={headingId} className="trend">
      <h2 id={headingId} className="trend__title">
        {title}
      </h2>
      <p className="trend__description">{description}</p>
      <p className="trend__summary">{summary}</p>
      {showChart && (
        <>
          <ul className="trend__legend" aria-hidden="true">
            {series.map((line, index) => (
              <li key={line.label} className={`trend__key trend__key--${index === 0 ? "first" : "second"}`}>
                {line.label}
              </li>
            ))}
          </ul>
          {/* The canvas repeats what the summary and the table say, so assistive technology skips it. */}
          <div ref={canvasHost} className="trend__chart" aria-hidden="true">
            {state === "loading" && <p className="muted">{t("trends.chartLoading")}</p>}
          </div>
          {state === "failed" && <p className="muted">{t("trends.chartUnavailable")}</p>}
        </>
      )}
      <details
        className="trend__table"
        open={!showChart || undefined}
        onToggle={(event) => {
          if (event.currentTarget.open) setTableBuilt(true);
        }}
      >
        <summary>{t("trends.showTable")}</summary>
        {tableBuilt && (
          <TableScroll label={title}>
            <table>
              <caption>{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("trends.week")}</th>
                  {series.map((line) => (
                    <th key={line.label} scope="col">
                      {line.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows().map((row) => (
                  <tr key={row.weekKey}>
                    <th scope="row">{t("trends.weekOf", { date: formatWeekStart(row.weekStart, i18n.language) })}</th>
                    {row.cells.map((cell, index) => (
                      <td key={index}>{cell}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </details>
    </section>
  );
}
