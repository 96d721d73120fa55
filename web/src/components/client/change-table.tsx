import { useTranslation } from "react-i18next";
import type { ClientDetailMember } from "@mutual/core";
import { DataTable } from "../data-table";

type Change = NonNullable<NonNullable<ClientDetailMember["profile"]>["change"]>;

/**
 * One member's real change since intake, area by area: on the client detail page (in a box that
 * scrolls sideways on a narrow screen) and in the printed report (plain, with the report's class).
 */
export function ChangeTable({
  name,
  change,
  date,
  scroll = false,
  className,
}: {
  name: string;
  change: Change;
  date: (iso: string) => string;
  scroll?: boolean;
  className?: string;
}) {
  const { t } = useTranslation();
  const caption = t("clientDashboard.detail.changeOf", { name, intake: date(change.intakeAt), latest: date(change.latestAt) });
  const rows = (
    <>
      <thead>
        <tr>
          <th scope="col">{t("clientDashboard.detail.area")}</th>
          <th scope="col">{t("clientDashboard.detail.intakeScore")}</th>
          <th scope="col">{t("clientDashboard.detail.latestScore")}</th>
          <th scope="col">{t("clientDashboard.detail.classification")}</th>
        </tr>
      </thead>
      <tbody>
        {change.scores.map((score) => (
          <tr key={score.key}>
            <th scope="row">{t(`profile.changeKeys.${score.key}`)}</th>
            <td>{Math.round(score.before)}</td>
            <td>{Math.round(score.after)}</td>
            <td>{t(`profile.changeClass.${score.classification}`)}</td>
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
