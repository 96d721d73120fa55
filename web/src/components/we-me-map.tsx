import { useId, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { PatternCode, ProfileView } from "../lib/api/profile-api";
import { placeLabel, textBox, type Box, type LabelPlace } from "./map-labels";
import { usePatternWords } from "./pattern-words";
import { TableScroll } from "./table-scroll";

// Drawing space: a square plot with room on the left and bottom for the axis names.
const LEFT = 48;
const TOP = 10;
const PLOT = 262;
const WIDTH = LEFT + PLOT + 10;
const HEIGHT = TOP + PLOT + 46;
const CUT = 50;

const toX = (we: number) => LEFT + (clamp(we) / 100) * PLOT;
const toY = (me: number) => TOP + ((100 - clamp(me)) / 100) * PLOT;

function clamp(value: number) {
  return Math.max(0, Math.min(100, value));
}

type Quadrant = { code: Exclude<PatternCode, "between-patterns">; x: number; y: number; lines: 1 | 2 };

// We runs left to right, Me bottom to top: high on both is the top right.
// Names sit along the outer edges, where a person's point is least likely to fall.
const QUADRANTS: readonly Quadrant[] = [
  { code: "independent", x: toX(25), y: TOP + 14, lines: 1 },
  { code: "interdependent", x: toX(75), y: TOP + 14, lines: 1 },
  { code: "disconnected", x: toX(25), y: TOP + PLOT - 14, lines: 1 },
  { code: "leaning-co-dependent", x: toX(75), y: TOP + PLOT - 30, lines: 2 },
];

/** The drawing every map shares: quadrants, the "between patterns" band, cut lines, ticks and axis names. */
function MapFrame({
  titleId,
  describedById,
  band,
  children,
}: {
  titleId: string;
  describedById: string;
  band: { we: number; me: number };
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const bandWe = Math.max(0, band.we);
  const bandMe = Math.max(0, band.me);
  return (
    <svg className="we-me-map__svg" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${titleId} ${describedById}`} focusable="false">
      <title id={titleId}>{t("profile.mapName")}</title>
      {QUADRANTS.map((quadrant) => (
        <rect
          key={quadrant.code}
          className={`we-me-map__quadrant we-me-map__quadrant--${quadrant.code}`}
          x={quadrant.x < toX(CUT) ? LEFT : toX(CUT)}
          y={quadrant.y < toY(CUT) ? TOP : toY(CUT)}
          width={PLOT / 2}
          height={PLOT / 2}
        />
      ))}
      {bandWe > 0 && <rect className="we-me-map__band" x={toX(CUT - bandWe)} y={TOP} width={toX(CUT + bandWe) - toX(CUT - bandWe)} height={PLOT} />}
      {bandMe > 0 && <rect className="we-me-map__band" x={LEFT} y={toY(CUT + bandMe)} width={PLOT} height={toY(CUT - bandMe) - toY(CUT + bandMe)} />}
      <line className="we-me-map__cut" x1={toX(CUT)} y1={TOP} x2={toX(CUT)} y2={TOP + PLOT} />
      <line className="we-me-map__cut" x1={LEFT} y1={toY(CUT)} x2={LEFT + PLOT} y2={toY(CUT)} />
      <rect className="we-me-map__frame" x={LEFT} y={TOP} width={PLOT} height={PLOT} />
      {QUADRANTS.map((quadrant) => (
        <QuadrantLabel key={quadrant.code} quadrant={quadrant} label={t(`profile.patterns.${quadrant.code}`)} />
      ))}
      {[0, 50, 100].map((tick) => (
        <g key={tick} className="we-me-map__tick">
          <text x={toX(tick)} y={TOP + PLOT + 16} textAnchor="middle">
            {tick}
          </text>
          <text x={LEFT - 6} y={toY(tick) + 4} textAnchor="end">
            {tick}
          </text>
        </g>
      ))}
      <text className="we-me-map__axis" x={LEFT + PLOT / 2} y={TOP + PLOT + 38} textAnchor="middle">
        {t("profile.mapAxisWe")} →
      </text>
      <text className="we-me-map__axis" x={14} y={TOP + PLOT / 2} textAnchor="middle" transform={`rotate(-90 14 ${TOP + PLOT / 2})`}>
        {t("profile.mapAxisMe")} →
      </text>
      {children}
    </svg>
  );
}

/** A labelled point; `index` picks its shape and colour (circle, then diamond), so shape alone tells them apart. */
function MapPoint({ we, me, label, index, place }: { we: number; me: number; label: string; index: number; place: LabelPlace }) {
  const x = toX(we);
  const y = toY(me);
  return (
    <g className={`we-me-map__mark we-me-map__mark--${index % 2 === 0 ? "first" : "second"}`}>
      {index % 2 === 0 ? (
        <circle className="we-me-map__point" cx={x} cy={y} r={8} />
      ) : (
        <rect className="we-me-map__point we-me-map__point--second" x={x - 7} y={y - 7} width={14} height={14} transform={`rotate(45 ${x} ${y})`} />
      )}
      <text className="we-me-map__you" x={place.x} y={place.y} textAnchor={place.anchor}>
        {label}
      </text>
    </g>
  );
}

const POINT_FONT = 14;
const QUADRANT_FONT = 13;
const PLOT_BOX: Box = { left: LEFT + 2, top: TOP + 2, right: LEFT + PLOT - 2, bottom: TOP + PLOT - 2 };

/** The boxes the pattern names cover, as QuadrantLabel draws them. */
function quadrantLabelBoxes(name: (code: Quadrant["code"]) => string): Box[] {
  return QUADRANTS.flatMap((quadrant) => {
    const label = name(quadrant.code);
    if (quadrant.lines === 1) return [textBox(quadrant.x, quadrant.y + 4, label, "middle", QUADRANT_FONT)];
    const [first = "", ...rest] = label.split(" ");
    return [textBox(quadrant.x, quadrant.y - 4, first, "middle", QUADRANT_FONT), textBox(quadrant.x, quadrant.y + 12, rest.join(" "), "middle", QUADRANT_FONT)];
  });
}

/** Where each point's name goes: clear of the pattern names, every point and the names placed before it. */
function useLabelPlaces(points: ReadonlyArray<{ we: number; me: number; label: string }>): LabelPlace[] {
  const { t } = useTranslation();
  const avoid: Box[] = [
    ...quadrantLabelBoxes((code) => t(`profile.patterns.${code}`)),
    ...points.map(({ we, me }) => ({ left: toX(we) - 9, right: toX(we) + 9, top: toY(me) - 9, bottom: toY(me) + 9 })),
  ];
  return points.map(({ we, me, label }) => {
    const place = placeLabel(toX(we), toY(me), label, POINT_FONT, avoid, PLOT_BOX);
    avoid.push(textBox(place.x, place.y, label, place.anchor, POINT_FONT));
    return place;
  });
}

/**
 * The We × Me map as plain SVG: the four patterns, the "between patterns" band around the
 * cut-offs at 50, and the person's point. A visible sentence and a table say the same in words.
 */
export function WeMeMap({ we, me, pattern }: Pick<ProfileView, "we" | "me" | "pattern">) {
  const { t } = useTranslation();
  const words = usePatternWords();
  const id = useId();
  const titleId = `${id}-title`;
  const sentenceId = `${id}-sentence`;
  const roundedWe = Math.round(we);
  const roundedMe = Math.round(me);
  const [place] = useLabelPlaces([{ we, me, label: t("profile.mapYou") }]);
  const placement =
    pattern.code === "between-patterns"
      ? t("profile.mapPlacementBetween", { candidates: words.list(pattern.candidates) })
      : t("profile.mapPlacement", { pattern: words.name(pattern.code) });

  return (
    <figure className="we-me-map">
      <MapFrame titleId={titleId} describedById={sentenceId} band={pattern.band}>
        <MapPoint we={we} me={me} label={t("profile.mapYou")} index={0} place={place!} />
      </MapFrame>
      <figcaption>
        <p id={sentenceId} className="we-me-map__sentence">
          {t("profile.mapSentence", { we: roundedWe, me: roundedMe, placement })}
        </p>
        <p className="muted">{t("profile.mapBandNote")}</p>
      </figcaption>
      <table className="we-me-map__table">
        <caption>{t("profile.tableCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("profile.tableMeasure")}</th>
            <th scope="col">{t("profile.tableValue")}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t("profile.tableWe")}</th>
            <td>{roundedWe}</td>
          </tr>
          <tr>
            <th scope="row">{t("profile.tableMe")}</th>
            <td>{roundedMe}</td>
          </tr>
          <tr>
            <th scope="row">{t("profile.tablePattern")}</th>
            <td>{pattern.code === "between-patterns" ? `${words.name("between-patterns")} (${words.list(pattern.candidates)})` : words.name(pattern.code)}</td>
          </tr>
        </tbody>
      </table>
    </figure>
  );
}

export type LabelledMapPoint = { label: string; we: number; me: number; pattern: PatternCode };

/**
 * Several labelled points on one We × Me map (the couple report: you and your partner), with
 * one sentence per point and a table with a column per point as the text alternative. With a
 * band, the margin of error is shaded as on a person's own map.
 */
export function WeMeMapPoints({ points, caption, band }: { points: readonly LabelledMapPoint[]; caption: string; band?: { we: number; me: number } }) {
  const { t } = useTranslation();
  const words = usePatternWords();
  const id = useId();
  const titleId = `${id}-title`;
  const sentenceId = `${id}-sentences`;
  const places = useLabelPlaces(points);
  return (
    <figure className="we-me-map">
      <MapFrame titleId={titleId} describedById={sentenceId} band={band ?? { we: 0, me: 0 }}>
        {points.map((point, index) => (
          <MapPoint key={index} we={point.we} me={point.me} label={point.label} index={index} place={places[index]!} />
        ))}
      </MapFrame>
      <figcaption id={sentenceId}>
        {points.map((point) => (
          <p key={point.label} className="we-me-map__sentence">
            {t("profile.mapPointSentence", { name: point.label, we: Math.round(point.we), me: Math.round(point.me), pattern: words.name(point.pattern) })}
          </p>
        ))}
        {band && <p className="muted">{t("profile.mapBandNote")}</p>}
      </figcaption>
      {/* Several people's columns can be wider than a phone: the table scrolls inside its own region (decision 059). */}
      <TableScroll label={caption}>
        <table className="we-me-map__table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t("profile.tableMeasure")}</th>
              {points.map((point) => (
                <th key={point.label} scope="col">
                  {point.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t("profile.tableWe")}</th>
              {points.map((point) => (
                <td key={point.label}>{Math.round(point.we)}</td>
              ))}
            </tr>
            <tr>
              <th scope="row">{t("profile.tableMe")}</th>
              {points.map((point) => (
                <td key={point.label}>{Math.round(point.me)}</td>
              ))}
            </tr>
            <tr>
              <th scope="row">{t("profile.tablePattern")}</th>
              {points.map((point) => (
                <td key={point.label}>{words.name(point.pattern)}</td>
              ))}
            </tr>
          </tbody>
        </table>
      </TableScroll>
    </figure>
  );
}

function QuadrantLabel({ quadrant, label }: { quadrant: Quadrant; label: string }) {
  if (quadrant.lines === 1) {
    return (
      <text className="we-me-map__label" x={quadrant.x} y={quadrant.y + 4} textAnchor="middle">
        {label}
      </text>
    );
  }
  // "leaning co-dependent" is too wide for a quadrant on one line.
  const [first, ...rest] = label.split(" ");
  return (
    <text className="we-me-map__label" x={quadrant.x} y={quadrant.y - 4} textAnchor="middle">
      <tspan x={quadrant.x}>{first}</tspan>
      <tspan x={quadrant.x} dy={16}>
        {rest.join(" ")}
      </tspan>
    </text>
  );
}
