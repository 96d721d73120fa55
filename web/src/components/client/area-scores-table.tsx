import { useTranslation } from "react-i18next";
import type { ClientDetailMember } from "@mutual/core";
import { DataTable } from "../data-table";

/** The areas of a profile, in the order counsellors read them: the seven areas, then We, Me and codependency. */
const AREAS = ["CLOSE", "SUPPORT", "ACCEPT", "VOICE", "SELF", "TIES", "RELY", "WE", "ME", "CODEPENDENCY"] as const;

type Scores = NonNullable<ClientDetailMember["profile"]>["assessments"][number]["scores"];

/** One column of scores: a profile, named by its heading (its date, or whose it is). */
export type AreaScoresColumn = { key: string; heading: string; scores: Scores };

/**
 * Profile scores by area, one column per profile: one member's profiles over time on the client
 * detail page, each member's latest in the printed report. On screen in a box that scrolls
 * sideways on a narrow screen; on paper plain, with the report's class.
 */
export function AreaScoresTable({
  caption,
  columns,
  scroll = false,
  className,
}: {
  caption: string;
  columns: readonly AreaScoresColumn[];
  scroll?: boolean;
  className?: string;
}) {
  const { t } = useTranslation();
  const score = (value: number | null) => (value === null ? t("clientDashboard.noValue") : String(Math.round(value)));
  const rows = (
    <>
      <thead>
        <tr>
          <th scope="col">{t("clientDashboard.detail.area")}</th>
          {columns.map((column) => (
            <th key={column.key} scope="col">
              {column.heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {AREAS.map((area) => (
          <tr key={area}>
            <th scope="row">{t(`profile.changeKeys.${area}`)}</th>
            {columns.map((column) => (
              <td key={column.key}>{score(column.scores[area])}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </>
  );
  // On screen, the design system's table (decision 059); on paper, plain with the report's class.
  return scroll ? (
    <DataTable caption={caption} className={className} dense>
      {rows}
    </DataTable>
  ) : (
    <table className={className}>
      <caption>{caption}</caption>
      {rows}
    </table>
  );
}
