// The only module that imports uPlot. It is loaded with import() from the trends page, so
// neither uPlot nor its stylesheet is part of the first-load bundle; Vite emits the CSS as a
// file (our CSP allows stylesheets from our own origin only, never inline <style>).
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { formatWeekStart } from "./weeks";

export type ChartSeries = { label: string; color: string; dashed: boolean; values: Array<number | null> };

export type ChartInput = {
  /** Week starts in milliseconds (UTC). */
  xs: number[];
  series: ChartSeries[];
  yRange: [number, number];
  width: number;
  language: string;
};

const AXIS_INK = "#4a5a60";
const GRID = "#e3e8e9";

let canCanvas: boolean | undefined;

/** Draws a week-by-week line chart into `target`; returns a handle to resize and remove it. */
export function drawChart(target: HTMLElement, input: ChartInput) {
  // Without a 2D canvas (blocked by a privacy setting, or a test DOM) uPlot would fail later,
  // out of reach; failing here lets the chart say it is unavailable beside its table. Asked
  // once per page: a canvas context costs time to make.
  canCanvas ??= document.createElement("canvas").getContext("2d") !== null;
  if (!canCanvas) throw new Error("No 2D canvas here");
  const options: uPlot.Options = {
    width: input.width,
    height: 200,
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: true }, y: { range: input.yRange } },
    axes: [
      {
        stroke: AXIS_INK,
        grid: { stroke: GRID, width: 1 },
        ticks: { stroke: GRID },
        values: (_chart, splits) => splits.map((seconds) => formatWeekStart(seconds * 1000, input.language)),
      },
      { stroke: AXIS_INK, grid: { stroke: GRID, width: 1 }, ticks: { stroke: GRID }, size: 40 },
    ],
    series: [
      {},
      ...input.series.map((line) => ({
        label: line.label,
        stroke: line.color,
        width: 2.5,
        spanGaps: false,
        points: { show: true, size: 7, stroke: line.color, fill: "#ffffff" },
        ...(line.dashed ? { dash: [7, 5] } : {}),
      })),
    ],
  };
  const data: uPlot.AlignedData = [input.xs.map((ms) => ms / 1000), ...input.series.map((line) => line.values)];
  const chart = new uPlot(options, data, target);
  return {
    setWidth: (width: number) => chart.setSize({ width, height: 200 }),
    destroy: () => chart.destroy(),
  };
}
